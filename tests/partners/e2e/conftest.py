from tests.e2e.conftest import browser, page, phone  # noqa: F401  (the browser fixtures of the e2e suite)
