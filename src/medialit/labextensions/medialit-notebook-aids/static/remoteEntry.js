// A prebuilt JupyterLab extension with two plugins, written by hand: no webpack, no npm.
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
// so a screen reader said nothing after Ctrl+Enter. The printed text (and an error's one line) of
// each cell that finishes running is put in one polite status region of the page.
(function () {
  const NAME = 'medialit-notebook-aids';
  const LONGEST = 600; // characters said; the rest stays in the output
  let shared = null;

  async function notebookPackage() {
    const versions = shared && shared['@jupyterlab/notebook'];
    if (!versions) throw new Error(`${NAME}: @jupyterlab/notebook is not shared`);
    const newest = Object.keys(versions).sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).pop();
    return (await versions[newest].get())();
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

  function printed(cell) {
    const outputs = cell.model.outputs;
    const parts = [];
    for (let i = 0; outputs && i < outputs.length; i++) {
      const out = outputs.get(i).toJSON();
      if (out.output_type === 'stream') parts.push(Array.isArray(out.text) ? out.text.join('') : out.text);
      else if (out.output_type === 'error') parts.push(`${out.ename}: ${out.evalue}`);
    }
    const text = parts.join(' ').replace(/\s+/g, ' ').trim();
    return text.length > LONGEST ? `${text.slice(0, LONGEST).replace(/\s\S*$/, '')} … (more in the output)` : text;
  }

  let pending = 0;
  function announce(text) {
    const live = region();
    live.textContent = ''; // the same verdict twice is said twice: the region changes from empty
    clearTimeout(pending);
    pending = setTimeout(() => { live.textContent = text; }, 150);
  }

  async function plugins() {
    const notebook = await notebookPackage();
    return [
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
        id: `${NAME}:announce-output`,
        autoStart: true,
        activate: () => {
          region();
          notebook.NotebookActions.executed.connect((_, { cell }) => {
            if (cell.model.type !== 'code') return;
            const text = printed(cell);
            if (text) announce(text);
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
