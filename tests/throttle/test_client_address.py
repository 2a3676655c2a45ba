"""Behind a trusted reverse proxy, per-address limits and the login throttle count the visitor, not the proxy.

X-Forwarded-For is read only from ``WIDMONITOR_TRUSTED_PROXIES``, from its right end: what a
visitor writes there herself is never her address.
"""

from ipaddress import ip_network

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import reverse

from widmonitor.settings import envnetworks
from widmonitor.throttle.addresses import client_address

from .test_counter import check_a_job_ad

PROXY = "10.0.0.5"


@pytest.fixture
def behind_a_proxy(settings):
    settings.TRUSTED_PROXIES = [ip_network("10.0.0.0/24"), ip_network("::1")]


@pytest.mark.parametrize(
    ("remote", "forwarded", "address"),
    [
        ("198.51.100.7", "", "198.51.100.7"),  # no proxy
        ("198.51.100.7", "203.0.113.9", "198.51.100.7"),  # not a trusted proxy: the header is anyone's
        (PROXY, "203.0.113.9", "203.0.113.9"),
        (PROXY, "192.0.2.66, 203.0.113.9", "203.0.113.9"),  # the visitor wrote 192.0.2.66 herself
        (PROXY, "192.0.2.66, 203.0.113.9, 10.0.0.7", "203.0.113.9"),  # two trusted proxies
        (PROXY, "not-an-address, 203.0.113.9", "203.0.113.9"),
        (PROXY, "203.0.113.9, not-an-address", PROXY),  # garbage a proxy did not write: the proxy is all we know
        (PROXY, "", PROXY),
        ("::1", "2001:DB8::1", "2001:db8::1"),
    ],
)
def test_the_visitor_s_address_is_read_from_trusted_proxies_only(behind_a_proxy, remote, forwarded, address):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_address(request) == address


def test_without_trusted_proxies_the_header_is_never_read(settings):
    settings.TRUSTED_PROXIES = []
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert client_address(request) == "127.0.0.1"


def test_visitors_behind_one_proxy_each_have_their_own_job_ad_checks(behind_a_proxy, db):
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    for n in range(30):
        first.defaults["HTTP_X_FORWARDED_FOR"] = f"192.0.2.{n}, 203.0.113.9"  # what she writes herself changes nothing
        check_a_job_ad(first)
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.10")

    assert check_a_job_ad(first).status_code == 429
    assert check_a_job_ad(second).status_code == 200


def test_the_login_throttle_locks_the_visitor_behind_the_proxy_not_everyone_behind_it(behind_a_proxy, django_user_model):
    django_user_model.objects.create_user("moderator", password="right-pass-1234", is_staff=True)
    attacker = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    colleague = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.10")
    login = reverse("admin:login")
    for n in range(5):
        attacker.post(login, {"username": "moderator", "password": f"guess-{n}"})

    assert attacker.post(login, {"username": "moderator", "password": "right-pass-1234"}).status_code == 429
    assert colleague.post(login, {"username": "moderator", "password": "right-pass-1234"}).status_code == 302


def test_trusted_proxies_are_addresses_or_networks(monkeypatch):
    monkeypatch.setenv("WIDMONITOR_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8,::1")
    assert envnetworks("WIDMONITOR_TRUSTED_PROXIES", "") == [ip_network("127.0.0.1"), ip_network("10.0.0.0/8"), ip_network("::1")]

    monkeypatch.setenv("WIDMONITOR_TRUSTED_PROXIES", "127.0.0.1,nginx")
    with pytest.raises(ImproperlyConfigured, match="WIDMONITOR_TRUSTED_PROXIES must list addresses or networks"):
        envnetworks("WIDMONITOR_TRUSTED_PROXIES", "")
