"""urllib: the package; its submodule parse is what programs import."""
