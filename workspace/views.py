from django.http import Http404


def dashboard(request):
    raise Http404


article_list = article_create = dashboard


def article_edit(request, pk):
    raise Http404
