// Starts the wasm app. Kept in a file (not an inline script) so the page's
// Content-Security-Policy can forbid inline scripts: Trunk.toml's
// pattern_script writes the hashed file names into <meta name="aioscope-entry">.
const entry = document.querySelector('meta[name="aioscope-entry"]');
const { default: init } = await import(entry.dataset.js);
await init({ module_or_path: entry.dataset.wasm });
