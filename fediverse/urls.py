from django.urls import path

from . import views

app_name = "fediverse"

urlpatterns = [
    path(".well-known/webfinger", views.webfinger, name="webfinger"),
    path(".well-known/nodeinfo", views.nodeinfo_links, name="nodeinfo_links"),
    path("nodeinfo/2.1", views.nodeinfo, name="nodeinfo"),
    path("ap/actor", views.actor, name="actor"),
    path("ap/inbox", views.inbox, name="inbox"),
    path("ap/outbox", views.outbox, name="outbox"),
    path("ap/followers", views.followers, name="followers"),
    path("ap/following", views.following, name="following"),
    path("ap/objects/<int:page_id>/", views.page_object, name="object"),
    path("ap/activities/<uuid:uuid>", views.activity, name="activity"),
]
