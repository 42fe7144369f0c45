# Feder in a container: build stage with the compilers' output, a slim runtime
# stage with a non-root user. compose.yaml runs it as web server and workers.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
RUN python -m venv /venv
COPY pyproject.toml requirements.lock README.md ./
# Exact versions from the lock; S3 media support (django-storages) included.
RUN /venv/bin/pip install -c requirements.lock ".[s3]"
COPY . .
# Hashed, compressed static files, built once into the image (throwaway values:
# production settings only refuse to load without them).
RUN DJANGO_SETTINGS_MODULE=settings.production \
    SECRET_KEY=build-only-not-secret-build-only-not-secret-build-only \
    ALLOWED_HOSTS=build.invalid PUBLIC_BASE_URL=https://build.invalid \
    /venv/bin/python manage.py collectstatic --noinput -v0

FROM python:3.11-slim-bookworm
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=settings.production \
    GUNICORN_BIND=0.0.0.0:8000 \
    MEDIA_ROOT=/data/media
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin feder \
    && mkdir -p /data/media && chown feder:feder /data/media
COPY --from=build /venv /venv
COPY --from=build /app /app
WORKDIR /app
USER feder
EXPOSE 8000
# /healthz/ with a host the site accepts (ALLOWED_HOSTS); workers turn this off.
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import os, urllib.request as r; r.urlopen(r.Request('http://127.0.0.1:8000/healthz/', headers={'Host': os.environ['ALLOWED_HOSTS'].split(',')[0]}), timeout=2)"]
CMD ["gunicorn", "-c", "gunicorn.conf.py", "settings.wsgi:application"]
