FROM python:3.12-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        build-essential \
        libpq-dev \
        curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /srv/app
COPY requirements.txt .
RUN pip install --upgrade pip && pip install -r requirements.txt

COPY <<EOF /srv/app/gunicorn.conf.py
bind = "0.0.0.0:8000"
workers = 4
accesslog = "-"
EOF

COPY src/ ./src/
RUN useradd --create-home appuser
USER appuser
EXPOSE 8000/tcp
VOLUME ["/srv/app/data"]
ENTRYPOINT ["gunicorn", "-c", "gunicorn.conf.py"]
CMD ["src.wsgi:application"]
