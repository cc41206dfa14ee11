# syntax=docker/dockerfile:1
# Amas silo. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t registry.example.com/amas/silo:0.1.0 .
# The final stage holds only the published app on the ASP.NET Core runtime: no SDK, no sources.

# ---- build: the SDK, pinned to the feature band global.json rolls forward to --------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
WORKDIR /src

# Restore first, from the project files only, so source edits do not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY grain-interfaces/Amas.Orleans.GrainInterfaces.csproj grain-interfaces/
COPY grains/Amas.Orleans.Grains.csproj grains/
COPY silo/Amas.Orleans.Silo.csproj silo/
RUN dotnet restore silo/Amas.Orleans.Silo.csproj

COPY grain-interfaces/ grain-interfaces/
COPY grains/ grains/
COPY silo/ silo/
RUN dotnet publish silo/Amas.Orleans.Silo.csproj --no-restore -c Release -o /app /p:UseAppHost=false

# ---- runtime: the ASP.NET Core runtime only, pinned to a patch ---------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble AS runtime
# Agents fetch git targets with the git command-line tool (grains/Repositories/GitCli.cs); the OSINT agent checks
# domains against the Public Suffix List at /usr/share/publicsuffix (Amas:Osint:PublicSuffixListPath). Nothing else.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates publicsuffix \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Owned by root and not writable by the app user: the root filesystem can be mounted read-only.
COPY --from=build /app ./

# Health probes on a small HTTP port (the silo binds 127.0.0.1:8081 unless Urls is set). Orleans listens on 11111
# (silo to silo) and 30000 (clients); the addresses come from configuration (Amas:Silo:*) or Kubernetes hosting.
ENV Urls=http://+:8081 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_NOLOGO=1 \
    HOME=/tmp \
    TMPDIR=/tmp
EXPOSE 8081 11111 30000

# The image's built-in non-root user "app" (uid/gid 1654), by number so runAsNonRoot can verify it.
USER 1654:1654

# No curl in the runtime image: bash's /dev/tcp speaks just enough HTTP for a liveness check.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "Amas.Orleans.Silo.dll"]
