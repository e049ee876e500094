# The application image used by docker-compose.yml: gunicorn serving Django, with
# static files collected and served by WhiteNoise (or by a proxy in front).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# collectstatic needs settings that load; these placeholders never serve a request.
RUN SECRET_KEY=build-only-placeholder-secret-key-that-is-long-enough-0123456789 \
    DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --noinput

RUN useradd --system --uid 10001 toasoan && mkdir -p /app/media && chown toasoan /app/media
USER toasoan

EXPOSE 8000
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--max-requests", "2000", "--max-requests-jitter", "200"]
