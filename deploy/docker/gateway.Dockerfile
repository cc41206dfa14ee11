# syntax=docker/dockerfile:1
# Amas gateway (HTTP API, Orleans client, dashboard). Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t registry.example.com/amas/gateway:0.1.0 .
# The final stage holds only the published app on the ASP.NET Core runtime: no SDK, no sources.

# ---- build: the SDK, pinned to the feature band global.json rolls forward to --------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
WORKDIR /src

# Restore first, from the project files only, so source edits do not invalidate the package layer.
# The gateway references the silo project (its embedded mode hosts a silo in-process).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY grain-interfaces/Amas.Orleans.GrainInterfaces.csproj grain-interfaces/
COPY grains/Amas.Orleans.Grains.csproj grains/
COPY silo/Amas.Orleans.Silo.csproj silo/
COPY gateway/Amas.Orleans.Gateway.csproj gateway/
RUN dotnet restore gateway/Amas.Orleans.Gateway.csproj

COPY grain-interfaces/ grain-interfaces/
COPY grains/ grains/
COPY silo/ silo/
COPY gateway/ gateway/
RUN dotnet publish gateway/Amas.Orleans.Gateway.csproj --no-restore -c Release -o /app /p:UseAppHost=false

# ---- runtime: the ASP.NET Core runtime only, pinned to a patch ---------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble AS runtime
WORKDIR /app
# Owned by root and not writable by the app user: the root filesystem can be mounted read-only.
COPY --from=build /app ./

# appsettings.json binds 127.0.0.1:5080 for the one-command default; an (unprefixed) Urls variable overrides it.
# Amas:Gateway:Cluster stays "embedded" unless the deployment sets Amas__Gateway__Cluster=client.
ENV Urls=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_NOLOGO=1 \
    HOME=/tmp \
    TMPDIR=/tmp
EXPOSE 8080

# The image's built-in non-root user "app" (uid/gid 1654), by number so runAsNonRoot can verify it.
USER 1654:1654

# No curl in the runtime image: bash's /dev/tcp speaks just enough HTTP for a liveness check.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "Amas.Orleans.Gateway.dll"]
