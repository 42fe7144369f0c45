"""The site's URLs plus a few answers no public page gives, to prove the
cache leaves them alone."""

from django.http import HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.urls import path

from settings.urls import handler404, handler500
from settings.urls import urlpatterns as site_urlpatterns


def sets_cookie(request):
    response = HttpResponse("Ein Keks.")
    response.set_cookie("gesehen", "1")
    return response


def varies_by_language(request):
    response = HttpResponse("Je nach Sprache.")
    response["Vary"] = "Accept-Language"
    return response


def compressed_when_asked(request):
    gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    response = HttpResponse("gepackt" if gzip else "ungepackt")
    response["Vary"] = "Accept-Encoding"
    return response


def varies_by_accept(request):
    response = HttpResponse("HTML für Browser.")
    response["Vary"] = "Accept"
    return response


def streamed(request):
    response = StreamingHttpResponse(iter([b"Teil 1, ", b"Teil 2."]))
    response["Cache-Control"] = "public, s-maxage=60"
    return response


def temporary_redirect(request):
    return HttpResponseRedirect("/")


def server_error(request):
    return HttpResponse("Kaputt.", status=500)


urlpatterns = [
    path("test/keks/", sets_cookie),
    path("test/sprache/", varies_by_language),
    path("test/umleitung/", temporary_redirect),
    path("test/strom/", streamed),
    path("test/gzip/", compressed_when_asked),
    path("test/accept/", varies_by_accept),
    path("test/fehler/", server_error),
    *site_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
