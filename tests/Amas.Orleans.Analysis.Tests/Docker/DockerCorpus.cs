namespace Amas.Orleans.Analysis.Tests.Docker;

/// <summary>
/// A Dockerfile with planted problems and, written by hand from reading it, the findings it must produce. The
/// numbers in the margin comments are the file's line numbers.
/// </summary>
internal static class DockerCorpus
{
    public static string Dockerfile => $$"""
        # syntax=docker/dockerfile:1.7
        ARG PY_BASE=python:3.12-slim
        FROM golang:latest AS build
        MAINTAINER ops@example.com
        WORKDIR src
        COPY . .
        RUN cd cmd/server && \
            go build -o /out/server .
        RUN go test ./...

        FROM ${PY_BASE} AS tools
        ENV PIP_NO_CACHE_DIR=1
        RUN pip install black==24.4.2 requests
        RUN apk add curl

        FROM ubuntu
        ENV API_TOKEN={{DockerSamples.Secret}}
        ARG DEPLOY_PASSWORD=changeme
        RUN apt-get update && apt-get install -y curl \
            # jq is for the health check script
            jq=1.7.1-3 \
         && curl -fsSL https://get.example.com/install.sh | sh
        RUN apt install -y vim
        ADD config.yml /etc/app/config.yml
        ADD https://example.com/tool.tar.gz /opt/
        COPY --from=builder /out/server /usr/local/bin/server
        COPY --from=build /out/server /usr/local/bin/server
        RUN <<EOF
        set -e
        sudo useradd app
        EOF
        USER root
        CMD /usr/local/bin/server --port 8080
        """;

    /// <summary>Line 18 (placeholder password), 25 (ADD of a remote archive) and 27 (known stage) are near misses.</summary>
    public static IReadOnlyList<(int Line, string Rule)> Expected { get; } =
    [
        (3, "DL3007"),
        (4, "DL4000"),
        (5, "DL3000"),
        (7, "DL3003"),
        (9, "DL3059"),
        (13, "DL3013"),
        (14, "DL3018"),
        (14, "DL3019"),
        (14, "DL3059"),
        (16, "DL3006"),
        (16, "AMAS-DOCKER-HEALTHCHECK"),
        (17, "AMAS-DOCKER-SECRET"),
        (19, "AMAS-DOCKER-CURL-PIPE"),
        (19, "DL3008"),
        (19, "DL3009"),
        (19, "DL3015"),
        (19, "DL4006"),
        (23, "DL3027"),
        (23, "DL3059"),
        (24, "DL3020"),
        (26, "DL3022"),
        (28, "DL3004"),
        (32, "DL3002"),
        (33, "DL3025"),
    ];
}
