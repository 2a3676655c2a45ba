"""The read-only public API and the open-data downloads (work in progress)."""
