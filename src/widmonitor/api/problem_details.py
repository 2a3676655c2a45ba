"""Errors of the indicator endpoints as ``application/problem+json`` (RFC 9457), as Belgium's REST guidelines
(belgif.be, REST API guide, "Error handling") ask: a problem ``type`` (their URNs), ``title``, ``status``,
``detail``, ``instance`` (the path asked for), and for bad input, HTTP 400 with one ``issue`` per
wrong parameter (``in``, ``name``, ``value``, ``detail``).

``install(api)`` registers the handlers: ``ProblemDetail`` raised by an endpoint, and the
API's own validation of parameters (a ``limit`` that is not a number) on the endpoints named in
``PROBLEM_ENDPOINTS``; the other endpoints keep their answers as they were.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja.errors import ValidationError

MEDIA_TYPE = "application/problem+json"
GUIDE = "https://www.belgif.be/specification/rest/api-guide/"
BAD_REQUEST = "urn:problem-type:belgif:badRequest"
NOT_FOUND = "urn:problem-type:belgif:resourceNotFound"
INVALID_INPUT = "urn:problem-type:belgif:input-validation:invalidInput"
SCHEMA_VIOLATION = "urn:problem-type:belgif:input-validation:schemaViolation"
TITLES = {BAD_REQUEST: "Bad Request", NOT_FOUND: "Resource Not Found"}
PROBLEM_ENDPOINTS = set()  # url names of the endpoints that answer problems (filled by their routers)


class ProblemDetail(Exception):
    def __init__(self, status, problem_type, detail, issues=(), **members):
        self.status = status
        self.problem_type = problem_type
        self.detail = detail
        self.issues = list(issues)
        self.members = members  # further members the problem type defines (in, name, value)
        super().__init__(detail)


def issue(name, value, detail, issue_type=INVALID_INPUT, place="query"):
    return {"type": issue_type, "in": place, "name": name, "value": value, "detail": detail}


def bad_request(issues):
    return ProblemDetail(400, BAD_REQUEST, _("The input message is incorrect: see the issues."), issues)


def from_problems(problems):
    """A 400 problem from ``widmonitor.problems.Problems`` whose ``field`` names the parameter."""
    return bad_request([issue(problem.field, problem.value, problem.text) for problem in problems.problems])


def not_found(detail, name, value):
    return ProblemDetail(404, NOT_FOUND, detail, **{"in": "path", "name": name, "value": value})


def answer(request, problem):
    body = {
        "type": problem.problem_type,
        "href": GUIDE,
        "title": TITLES[problem.problem_type],
        "status": problem.status,
        "detail": problem.detail,
        "instance": request.path,
        **problem.members,
    }
    if problem.issues:
        body["issues"] = problem.issues
    return JsonResponse(body, status=problem.status, content_type=MEDIA_TYPE, json_dumps_params={"ensure_ascii": False})


def install(api):
    api.add_exception_handler(ProblemDetail, answer)

    def validation_error(request, error):
        match = request.resolver_match
        if match is None or match.url_name not in PROBLEM_ENDPOINTS:
            return api.create_response(request, {"detail": error.errors}, status=422)  # django-ninja's own answer
        issues = [
            issue(str(e["loc"][-1]), request.GET.get(str(e["loc"][-1])), e["msg"], SCHEMA_VIOLATION, str(e["loc"][0]))
            for e in error.errors
        ]
        return answer(request, bad_request(issues))

    api.add_exception_handler(ValidationError, validation_error)


def documented(*statuses):
    """The OpenAPI ``responses`` of ``statuses`` (400, 404) as problem documents, for an operation's ``openapi_extra``."""
    examples = {
        400: {"type": BAD_REQUEST, "href": GUIDE, "title": "Bad Request", "status": 400,
              "detail": "The input message is incorrect: see the issues.", "instance": "/api/indicators/wid_sse_icts/observations",
              "issues": [{"type": INVALID_INPUT, "in": "query", "name": "series", "value": "girls",
                          "detail": '"girls" is not a series (expected women, men, total, gap, comma-separated)'}]},
        404: {"type": NOT_FOUND, "href": GUIDE, "title": "Resource Not Found", "status": 404,
              "detail": 'No indicator "wid_xyz" (the codes are listed at /api/indicators).', "instance": "/api/indicators/wid_xyz",
              "in": "path", "name": "code", "value": "wid_xyz"},
    }  # fmt: skip
    schema = {
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string", "description": "The problem type, a URN of the Belgian REST guidelines."},
            "href": {"type": "string", "description": "Where the problem types are explained."},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string", "description": "What went wrong, in words."},
            "instance": {"type": "string", "description": "The path asked for."},
            "issues": {"type": "array", "items": {"type": "object"}, "description": "One per wrong parameter: in, name, value, detail."},
        },
    }
    descriptions = {400: "A parameter is wrong: each one is an issue.", 404: "No such indicator."}
    return {
        "responses": {
            status: {"description": descriptions[status], "content": {MEDIA_TYPE: {"schema": schema, "example": examples[status]}}}
            for status in statuses
        }
    }
