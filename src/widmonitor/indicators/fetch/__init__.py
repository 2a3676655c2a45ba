"""Fetching indicator data from outside: ``http`` is the one door to the network (tests patch
``http.open_url``), ``eurostat`` the client of Eurostat's dissemination API."""
