// A prebuilt JupyterLab extension with five plugins, written by hand: no webpack, no npm.
// JupyterLab (and Notebook 7) load static/remoteEntry.js for every extension found in
// share/jupyter/labextensions, call init() with webpack's shared scope (where JupyterLab's own
// packages are), then get(package.json's "extension") and register the plugins the factory gives.
// The notebook tracker and NotebookActions come from that shared scope, the same objects the
// notebook extension uses (a token is matched by identity).
//
// clean-open: the lessons and exercises are saved with language_info {"name": "python"} only (its
// version differs per machine), the exercises with the kernelspec display name "Python 3". When the
// kernel starts, JupyterLab writes the kernel's full language_info (and its kernelspec) into the
// notebook's metadata, and that alone marked a notebook just opened as unsaved. A notebook with no change of the student's stays clean; any other change still marks it,
// and the next save writes the full language_info as before.
//
// announce-output: a check prints its verdict into the cell's output, which no live region holds,
// so a screen reader said nothing after Ctrl+Enter. One polite status region of the page says what a
// student needs when a run ends: a check's verdict (the printed text of a cell that calls one of the
// kit's feedback functions) or an error's one line. Other printed output (an article's text, a list
// of marks) stays in the cell, where the student reads it when they choose: saying it buried the
// verdicts. A run of several cells (Run All, Restart and Run All, a selection) ends with one summary:
// how many cells ran, the checks counted by outcome, and the first error with its cell.
//
// reflow-markdown: JupyterLab lays out a Markdown table with fixed column widths and lets the Markdown
// scroll sideways; in a narrow window (320 CSS px, WCAG 1.4.10) a lesson's table, and a file name such as
// `lesson00.highlights.json`, ran past the cell, and a keyboard cannot scroll a Markdown cell, so the
// rest was lost. The columns now take the width their words need, and a word longer than the line
// breaks (only such a word: the others wrap as before), so the text fits the cell.
//
// narrow-open: in a narrow window (320 CSS px: a phone, or 1280 px at 400 % zoom) the file browser keeps its
// 250 px when a lesson is opened from it, and the lesson got the 2 px left beside it: nothing of it could be
// seen, and the focus went into a cell no one could see. A document opened (or made current) while the window
// is narrower than NARROW now closes the side panels, as Ctrl+B or View > Appearance would; the file browser
// comes back with Ctrl+B or its icon. So does a window made narrower than NARROW with a document open (zoomed to
// 200 %, put beside another), once as it crosses: a panel opened again by hand stays while the window stays
// narrow. A wide window, and the launcher at start, keep JupyterLab's layout.
//
// server-stopped: on a JupyterHub, a server that stops (culled when idle, or stopped by an admin) made
// JupyterLab's hub dialog "Server unavailable or unreachable" come back after every Dismiss, at each failed poll,
// and its Restart opened the hub in another tab, leaving this one with notebooks that no longer had a kernel.
// This plugin replaces it (page_config.json also switches the hub's own off): one dialog per page, saying what
// happened and that the highlights are saved; "Restart my server" starts the server through the hub and brings
// this tab back to the same page (the hub's spawn, then ?next= here); "Not now" leaves one notice that stays, with
// the same button, and asks no more. Outside a hub it is JupyterLab's own message.
(function () {
  const NAME = 'medialit-notebook-aids';
  const NARROW = 720; // CSS px: below it a side panel (250 px) leaves the notebook too little to read
  // Outranks JupyterLab's own .jp-RenderedHTMLCommon table rule, whichever style sheet comes last.
  const REFLOW = `
body .jp-MarkdownOutput.jp-RenderedHTMLCommon {
  overflow-wrap: anywhere;
}
body .jp-MarkdownOutput.jp-RenderedHTMLCommon table {
  table-layout: auto;
}
`;
  const LONGEST = 600; // characters said; the rest stays in the output
  let shared = null;

  async function sharedPackage(name) {
    const versions = shared && shared[name];
    if (!versions) throw new Error(`${NAME}: ${name} is not shared`);
    const newest = Object.keys(versions).sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).pop();
    return (await versions[newest].get())();
  }

  const STOPPED_TITLE = 'Your server has stopped';
  const STOPPED_BODY =
    'Your Jupyter server stopped: it was idle for a long time, or your instructor stopped it. ' +
    'The highlights you made are saved. "Restart my server" starts it again and reloads this page; ' +
    "then run the notebook's cells again to see your marks.";
  const STOPPED_NOTE = 'Your server has stopped: nothing in this tab runs or saves until you restart it.';
  const RESTART = 'Restart my server';

  // The hub's spawn page for this server, coming back to this very page once it runs.
  function spawnUrl(urls) {
    const prefix = urls.hubPrefix.endsWith('/') ? urls.hubPrefix : `${urls.hubPrefix}/`;
    const named = urls.hubServerName ? `/${encodeURIComponent(urls.hubUser)}/${encodeURIComponent(urls.hubServerName)}` : '';
    const here = window.location.pathname + window.location.search;
    return `${urls.hubHost || ''}${prefix}spawn${named}?next=${encodeURIComponent(here)}`;
  }

  function serverStopped(application, apputils, paths, info) {
    if (!paths.urls.hubPrefix) return application.ConnectionLost; // not on a hub: JupyterLab's own message
    let told = false;
    const restart = () => window.location.assign(spawnUrl(paths.urls));
    return async () => {
      if (told) return; // one message per page: every failed poll calls this again
      told = true;
      // Autosave waits while JupyterLab is not connected; each save tried on a stopped server said "File Save
      // Error" in a dialog of its own (measured: one came right behind this one). The page reloads on restart.
      if (info) info.isConnected = false;
      const { Dialog, showDialog } = apputils;
      const result = await showDialog({
        title: STOPPED_TITLE,
        body: STOPPED_BODY,
        buttons: [Dialog.cancelButton({ label: 'Not now' }), Dialog.okButton({ label: RESTART })],
      });
      if (result.button.accept) restart();
      else stoppedNotice(restart);
    };
  }

  // Plain DOM on purpose: JupyterLab's notification toasts load their code from the server when first shown, and
  // the server is the one that has stopped (measured: the toast never appeared, only the bell's count).
  const NOTICE = `
.medialit-server-stopped {
  position: fixed;
  bottom: 40px;
  left: 50%;
  transform: translateX(-50%);
  z-index: 10000;
  max-width: min(90vw, 640px);
  display: flex;
  align-items: center;
  gap: 12px;
  padding: 8px 12px;
  background: var(--jp-layout-color1, #fff);
  color: var(--jp-ui-font-color1, #000);
  border: 2px solid var(--jp-warn-color0, #bf5b00);
  border-radius: 4px;
  box-shadow: var(--jp-elevation-z4, none);
  font-size: var(--jp-ui-font-size1, 13px);
}
.medialit-server-stopped button {
  flex: none;
  height: auto;
  white-space: nowrap;
}
`;

  function stoppedNotice(restart) {
    if (document.getElementById(`${NAME}-server-stopped`)) return;
    const style = document.createElement('style');
    style.textContent = NOTICE;
    const note = document.createElement('div');
    note.id = `${NAME}-server-stopped`;
    note.className = 'medialit-server-stopped';
    note.setAttribute('role', 'alert');
    const text = document.createElement('span');
    text.textContent = STOPPED_NOTE;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'jp-Button jp-mod-styled jp-mod-accept';
    button.textContent = RESTART;
    button.addEventListener('click', restart);
    note.append(text, button);
    document.head.appendChild(style);
    document.body.appendChild(note);
  }

  // What JupyterLab writes when a kernel starts: its language_info, and the kernelspec of the same kernel under
  // its own display name (the exercises say "Python 3", the kernel "Python 3 (ipykernel)"). Choosing another
  // kernel (another name) still marks the notebook unsaved, so that the choice is kept.
  function written_by_the_kernel(change) {
    if (change.key === 'language_info') return true;
    const before = change.oldValue || {};
    const after = change.newValue || {};
    return change.key === 'kernelspec' && !!before.name && before.name === after.name;
  }

  function keepCleanOnOpen(panel) {
    const model = panel.context.model;
    model.metadataChanged.connect((m, change) => {
      if (m.dirty || !written_by_the_kernel(change)) return;
      // JupyterLab marks the model dirty right after this signal; take that back once it has.
      Promise.resolve().then(() => { m.dirty = false; });
    });
  }

  function region() {
    let live = document.getElementById('medialit-output-announcer');
    if (!live) {
      live = document.createElement('div');
      live.id = 'medialit-output-announcer';
      live.setAttribute('role', 'status');
      live.setAttribute('aria-live', 'polite');
      live.setAttribute('aria-atomic', 'true');
      live.style.cssText = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;'
        + 'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:normal;border:0';
      document.body.appendChild(live);
    }
    return live;
  }

  // A cell whose code calls one of these prints a verdict, a hint or an answer (exercises/lessons.py,
  // exercises/grading.py; `lessons.check(` counts too); pretest.record( says what it saved, not a check.
  const CHECK = /(?<![\w])(?:check|check_highlights|hint|reveal|compare_with_machine)\s*\(/;
  const FEEDBACK = /(?<![\w])(?:check|check_highlights|hint|reveal|compare_with_machine|record)\s*\(/;
  // How a check's message starts, by outcome (the same modules print them); anything else is "to look at".
  // An activity's verdict opens a line after its counts ('You marked 4: ...' then 'All found. ...'), so it
  // is looked for in the printed text before its lines are run together. tests/unit/test_announcer_openings.py
  // reads these two and classifies the checks' real messages with them.
  const PASSED = /^(?:Correct\.|\S+: format OK\b)|\n\s*All (?:found|linked)\./;
  const UNANSWERED = /^(?:No answer|Nothing highlighted yet|No links yet|AnswerError: (?:no saved highlights|\S+: the answer is empty))/;
  const SETTLE = 100; // ms with no cell pending before a run counts as ended (a cell queued in that time joins it)

  function shorter(text) {
    text = text.replace(/\s+/g, ' ').trim();
    return text.length > LONGEST ? `${text.slice(0, LONGEST).replace(/\s\S*$/, '')} … (more in the output)` : text;
  }

  // What a finished cell has to say: its error's one line, else (for a feedback cell) what it printed.
  function outcome(notebook, cell) {
    const outputs = cell.model.outputs;
    const parts = [];
    let error = '';
    for (let i = 0; outputs && i < outputs.length; i++) {
      const out = outputs.get(i).toJSON();
      if (out.output_type === 'stream') parts.push(Array.isArray(out.text) ? out.text.join('') : out.text);
      else if (out.output_type === 'error') error = error || `${out.ename}: ${out.evalue}`;
    }
    const source = cell.model.sharedModel.getSource();
    const feedback = FEEDBACK.test(source);
    const said = error || (feedback ? parts.join(' ') : '');
    const number = notebook.widgets.indexOf(cell) + 1;
    const passed = PASSED.test(said);
    const unanswered = UNANSWERED.test(said);
    return { number, feedback, check: CHECK.test(source), error: !!error, text: shorter(said), passed, unanswered };
  }

  function counted(n, one, many) {
    return `${n} ${n === 1 ? one : many || `${one}s`}`;
  }

  function sentence(text) {
    return /[.?!…]$/.test(text) ? text : `${text}.`;
  }

  function summary(run) {
    const ran = run.done.length;
    const checks = run.done.filter((c) => c.check);
    const passed = checks.filter((c) => c.passed).length;
    const unanswered = checks.filter((c) => c.unanswered).length;
    const other = checks.length - passed - unanswered;
    let said = `Ran ${counted(ran, 'cell')}`;
    if (checks.length === 1) {
      said += `. ${checks[0].text}`; // one check's own words say more than a count
    } else if (checks.length) {
      const parts = [];
      if (passed) parts.push(`${passed} passed`);
      if (unanswered) parts.push(`${unanswered} not answered yet`);
      if (other) parts.push(`${other} to look at`);
      said += `: ${counted(checks.length, 'check')} (${parts.join(', ')})`;
    }
    said = sentence(said);
    // a check that fails is counted above; an error elsewhere (a typo, a missing name) is the student's to fix
    const errors = run.done.filter((c) => c.error && !c.feedback);
    if (errors.length) {
      said += ` ${counted(errors.length, 'error')}, the first in cell ${errors[0].number}: ${sentence(errors[0].text)}`;
    }
    if (run.unfinished) said += ` ${counted(run.unfinished, 'cell')} did not run.`;
    return said;
  }

  let pending = 0;
  function announce(text) {
    const live = region();
    live.textContent = ''; // the same verdict twice is said twice: the region changes from empty
    clearTimeout(pending);
    pending = setTimeout(() => { live.textContent = text; }, 150);
  }

  // One run per notebook: the cells scheduled and not yet finished, and what the finished ones said.
  const runs = new Map();

  function finish(notebook) {
    const run = runs.get(notebook);
    if (!run) return;
    clearTimeout(run.timer);
    if (run.disconnect) run.disconnect();
    runs.delete(notebook);
    run.unfinished += run.pending.size;
    if (run.done.length + run.unfinished > 1) announce(summary(run));
    else if (run.done.length === 1 && run.done[0].text) announce(run.done[0].text);
  }

  // After each cell's start or end: the run has ended once nothing is pending for SETTLE ms. Cells pending
  // while the kernel is idle at two looks a second apart were never run (a future cancelled): it has ended too.
  function later(notebook, run, idleLooks = 0) {
    clearTimeout(run.timer);
    run.timer = setTimeout(() => {
      const session = notebook.parent && notebook.parent.sessionContext;
      const kernel = session && session.session && session.session.kernel;
      const idle = !kernel || kernel.status === 'idle';
      if (!run.pending.size || (idle && idleLooks >= 1)) finish(notebook);
      else later(notebook, run, idle ? idleLooks + 1 : 0);
    }, run.pending.size ? (idleLooks ? 1000 : 3000) : SETTLE);
  }

  function scheduled(notebook, cell) {
    let run = runs.get(notebook);
    if (!run) {
      run = { pending: new Set(), done: [], unfinished: 0, timer: 0 };
      runs.set(notebook, run);
      const session = notebook.parent && notebook.parent.sessionContext;
      if (session) {
        // a restart or a change of kernel ends the run: what had not run never will
        const ended = (_, status) => {
          if (status === 'restarting' || status === 'dead' || status === 'autorestarting') finish(notebook);
        };
        session.statusChanged.connect(ended);
        run.disconnect = () => session.statusChanged.disconnect(ended);
      }
    }
    run.pending.add(cell.model);
    later(notebook, run);
  }

  function executed(notebook, cell) {
    const run = runs.get(notebook);
    if (!run || !run.pending.delete(cell.model)) return;
    // a cell the kernel aborted (an earlier cell's error stopped the run) has no execution count
    if (cell.model.executionCount === null) run.unfinished += 1;
    else run.done.push(outcome(notebook, cell));
    later(notebook, run);
  }

  async function plugins() {
    const [notebook, application, apputils] = await Promise.all(
      ['@jupyterlab/notebook', '@jupyterlab/application', '@jupyterlab/apputils'].map(sharedPackage)
    );
    return [
      {
        id: `${NAME}:server-stopped`,
        description: 'One message, with the way back, when the hub has stopped this server.',
        autoStart: true,
        requires: [application.JupyterFrontEnd.IPaths],
        optional: [application.JupyterLab.IInfo],
        provides: application.IConnectionLost,
        activate: (app, paths, info) => serverStopped(application, apputils, paths, info),
      },
      {
        id: `${NAME}:clean-open`,
        autoStart: true,
        requires: [notebook.INotebookTracker],
        activate: (app, tracker) => {
          tracker.forEach(keepCleanOnOpen);
          tracker.widgetAdded.connect((_, panel) => keepCleanOnOpen(panel));
        },
      },
      {
        id: `${NAME}:narrow-open`,
        autoStart: true,
        activate: (app) => {
          const shell = app.shell;
          if (!shell.currentChanged || !shell.collapseLeft) return; // not JupyterLab's LabShell
          const closeFor = (current) => {
            if (!current || !current.context) return; // a document, not the launcher
            if (!Array.from(shell.widgets('main')).includes(current)) return;
            shell.collapseLeft();
            if (shell.collapseRight) shell.collapseRight();
          };
          shell.currentChanged.connect((_, change) => {
            if (window.innerWidth < NARROW) closeFor(change.newValue);
          });
          // The window made narrow with a document open (a zoom, a split screen): once, as it crosses NARROW,
          // so a panel the student opens again by hand stays open while the window stays narrow.
          const narrow = window.matchMedia(`(max-width: ${NARROW - 0.02}px)`);
          narrow.addEventListener('change', (event) => {
            if (event.matches) closeFor(shell.currentWidget);
          });
        },
      },
      {
        id: `${NAME}:reflow-markdown`,
        autoStart: true,
        activate: () => {
          const style = document.createElement('style');
          style.id = `${NAME}-reflow`;
          style.textContent = REFLOW;
          document.head.appendChild(style);
        },
      },
      {
        id: `${NAME}:announce-output`,
        autoStart: true,
        activate: () => {
          region();
          notebook.NotebookActions.executionScheduled.connect((_, { notebook: nb, cell }) => {
            if (cell.model.type === 'code') scheduled(nb, cell);
          });
          notebook.NotebookActions.executed.connect((_, { notebook: nb, cell }) => {
            if (cell.model.type === 'code') executed(nb, cell);
          });
        },
      },
    ];
  }

  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB[NAME] = {
    init: (scope) => { shared = scope; return Promise.resolve(); },
    get: (module) =>
      module === './extension'
        ? plugins().then((list) => () => ({ __esModule: true, default: list }))
        : Promise.reject(new Error(`${NAME} has no module ${module}`)),
  };
})();
