// Starts the wasm app. Kept in a file (not an inline script) so the page's
// Content-Security-Policy can forbid inline scripts: Trunk.toml's
// pattern_script writes the hashed file names into <meta name="aioscope-entry">.
//
// If aioscope panics, src/crash.rs puts a notice with a button marked
// data-action="reload" on the page; the module has stopped by then, so the
// button's click is handled here.
document.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('[data-action="reload"]')) {
    location.reload();
  }
});
const entry = document.querySelector('meta[name="aioscope-entry"]');
const { default: init } = await import(entry.dataset.js);
await init({ module_or_path: entry.dataset.wasm });
