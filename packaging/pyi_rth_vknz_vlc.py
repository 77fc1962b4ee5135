"""PyInstaller runtime hook: point python-vlc at the libVLC and plugins inside the bundle.

Runs before any of the app's code, so before ``import vlc``. The bundle's own libVLC always
wins over one installed on the machine (its plugins must match it exactly), and libVLC never
loads plugins from the system folder.
"""

import ctypes
import os
import sys
from pathlib import Path


def _use_bundled_vlc() -> None:
    base = getattr(sys, "_MEIPASS", None)
    if not base:
        return
    if sys.platform.startswith("win"):
        lib, core = "libvlc.dll", "libvlccore.dll"
    elif sys.platform == "darwin":
        lib, core = "libvlc.dylib", "libvlccore.dylib"
    else:
        lib, core = "libvlc.so.5", "libvlccore.so.9"
    lib_path, core_path = Path(base, lib), Path(base, core)
    plugins = Path(base, "vlc", "plugins")
    if not (lib_path.is_file() and plugins.is_dir()):
        return  # a bundle built without libVLC: python-vlc searches the system as usual
    if core_path.is_file():
        # libvlc needs libvlccore: load the bundle's copy first, so the system's is never used.
        ctypes.CDLL(str(core_path), mode=getattr(ctypes, "RTLD_GLOBAL", 0))
    os.environ["PYTHON_VLC_LIB_PATH"] = str(lib_path)
    os.environ["PYTHON_VLC_MODULE_PATH"] = str(plugins)
    os.environ["VLC_PLUGIN_PATH"] = str(plugins)


_use_bundled_vlc()
