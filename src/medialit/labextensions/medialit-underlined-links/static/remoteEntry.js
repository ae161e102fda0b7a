// A prebuilt JupyterLab extension with only a style, written by hand: no webpack, no npm.
// JupyterLab (and Notebook 7) load static/remoteEntry.js for every extension found in
// share/jupyter/labextensions, call init() on window._JUPYTERLAB[name], then get(package.json's
// "style") and call the factory it gives. Ours adds one style sheet.
//
// Why: JupyterLab draws links without an underline, so a link inside a sentence differs from the
// text around it by colour alone (axe's link-in-text-block). Lessons and students' own Markdown
// both need the underline. The heading anchors (the pilcrow shown on hover) stay as they are.
(function () {
  // Each selector outranks JupyterLab's own (.jp-RenderedHTMLCommon a:link, .jp-RenderedText pre
  // a[href]:link), so the order in which the style sheets arrive does not matter.
  const CSS = `
body .jp-RenderedHTMLCommon a[href]:not(.jp-InternalAnchorLink),
body .jp-RenderedText pre a[href]:is(:link, :visited) {
  text-decoration: underline;
  text-underline-offset: 0.15em;
}
`;
  const addStyle = () => {
    const style = document.createElement('style');
    style.id = 'medialit-underlined-links';
    style.textContent = CSS;
    document.head.appendChild(style);
    return { style };
  };
  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB['medialit-underlined-links'] = {
    init: () => Promise.resolve(),
    get: module =>
      module === './style'
        ? Promise.resolve(() => addStyle())
        : Promise.reject(new Error(`medialit-underlined-links has no module ${module}`))
  };
})();
