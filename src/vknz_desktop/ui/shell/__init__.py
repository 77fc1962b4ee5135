"""The main window: pages, lock and unlock, actions and menus, and the Host for features."""
