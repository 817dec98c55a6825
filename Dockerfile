# syntax=docker/dockerfile:1
# Build stage: the Swift 6 toolchain with the C libraries' headers.
FROM swift:6.3-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev libcurl4-openssl-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY openapi.yaml ./
RUN swift build -c release --product motcua-server --static-swift-stdlib \
    && mkdir /staging \
    && cp .build/release/motcua-server /staging/ \
    && cp -R .build/release/*.resources /staging/ 2>/dev/null || true

# Runtime stage: only the shared libraries the server links.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 libcurl4 ca-certificates curl tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app motcua
WORKDIR /app
COPY --from=build /staging /app
USER motcua
ENV MOTCUA_HOST=0.0.0.0 MOTCUA_PORT=8080
EXPOSE 8080
ENTRYPOINT ["/app/motcua-server"]
CMD ["serve"]
