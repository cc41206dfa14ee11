using Amas.Orleans.Analysis.Dependencies;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

public sealed class ManifestReaderTests
{
    [Fact]
    public void Csproj_PackageReference_versions_overrides_properties_and_child_elements_are_read()
    {
        var dependencies = Read(new NuGetProjectReader(), "src/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <JsonVersion>12.0.3</JsonVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="$(JsonVersion)" />
                <PackageReference Include="Serilog" />
                <PackageReference Include="Polly" Version="8.*" />
                <PackageReference Include="Dapper">
                  <Version>2.1.28</Version>
                </PackageReference>
                <PackageReference Include="Range" Version="[1.0,2.0)" />
                <PackageReference Include="Exact" Version="[3.1.4]" />
                <PackageReference Update="System.Text.Json" VersionOverride="8.0.4" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal(
            [("Newtonsoft.Json", "12.0.3", 6, true), ("Dapper", "2.1.28", 9, true), ("Exact", "3.1.4", 13, true),
             ("System.Text.Json", "8.0.4", 14, true)],
            Summaries(dependencies));
        Assert.All(dependencies, d => Assert.Equal(Ecosystem.NuGet, d.Ecosystem));
    }

    [Fact]
    public void Central_package_versions_and_global_references_are_read_from_Directory_Packages_props()
    {
        var dependencies = Read(new NuGetProjectReader(), "Directory.Packages.props", """
            <Project>
              <ItemGroup>
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.1" />
                <GlobalPackageReference Include="Nerdbank.GitVersioning" Version="3.6.133" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal(
            [("Newtonsoft.Json", "13.0.1", 3, true), ("Nerdbank.GitVersioning", "3.6.133", 4, true)],
            Summaries(dependencies));
    }

    [Fact]
    public void Packages_lock_json_reports_each_package_once_across_frameworks_and_marks_direct_ones()
    {
        var dependencies = Read(new NuGetLockReader(), "packages.lock.json", """
            {
              "version": 1,
              "dependencies": {
                "net8.0": {
                  "Newtonsoft.Json": { "type": "Direct", "requested": "[12.0.3, )", "resolved": "12.0.3" },
                  "System.Buffers": { "type": "Transitive", "resolved": "4.5.1" },
                  "MyLib": { "type": "Project" }
                },
                "net10.0": {
                  "Newtonsoft.Json": { "type": "Direct", "requested": "[12.0.3, )", "resolved": "12.0.3" }
                }
              }
            }
            """);

        Assert.Equal(
            [("Newtonsoft.Json", "12.0.3", 5, true), ("System.Buffers", "4.5.1", 6, false)],
            Summaries(dependencies));
    }

    [Fact]
    public void Package_json_reads_exact_versions_and_aliases_and_skips_ranges()
    {
        var dependencies = Read(new NpmPackageJsonReader(), "web/package.json", """
            {
              "name": "web",
              "dependencies": {
                "lodash": "4.17.11",
                "express": "^4.18.2",
                "legacy": "npm:@scope/old-lib@1.2.3",
                "tag": "latest"
              },
              "devDependencies": { "left-pad": "=1.3.0", "jest": "~29.7.0" },
              "optionalDependencies": {
                "fsevents": "v2.3.3"
              }
            }
            """);

        Assert.Equal(
            [("lodash", "4.17.11", 4, true), ("@scope/old-lib", "1.2.3", 6, true), ("left-pad", "1.3.0", 9, true),
             ("fsevents", "2.3.3", 11, true)],
            Summaries(dependencies));
    }

    [Fact]
    public void Package_lock_v3_reads_the_packages_map_with_nesting_aliases_and_links()
    {
        var dependencies = Read(new NpmLockReader(), "package-lock.json", """
            {
              "lockfileVersion": 3,
              "packages": {
                "": { "name": "app", "dependencies": { "lodash": "^4.17.0", "legacy": "npm:old-lib@1.0.0" } },
                "node_modules/lodash": { "version": "4.17.15" },
                "node_modules/@babel/core": { "version": "7.24.0", "dev": true },
                "node_modules/@babel/core/node_modules/semver": { "version": "6.3.1" },
                "node_modules/legacy": { "name": "old-lib", "version": "1.0.0" },
                "node_modules/workspace-a": { "resolved": "packages/a", "link": true },
                "packages/a": { "version": "0.0.1" }
              }
            }
            """);

        Assert.Equal(
            [("lodash", "4.17.15", 5, true), ("@babel/core", "7.24.0", 6, false), ("semver", "6.3.1", 7, false),
             ("old-lib", "1.0.0", 8, true)],
            Summaries(dependencies));
    }

    [Fact]
    public void Requirements_read_pins_with_extras_markers_comments_hashes_and_continuations()
    {
        var dependencies = Read(new PipRequirementsReader(), "requirements-dev.txt", """
            # pinned by pip-compile
            requests==2.30.0  # via -r requirements.in
            urllib3[socks,brotli] == 2.0.5 ; python_version >= "3.8"
            Flask_SQLAlchemy==3.0.5 \
                --hash=sha256:abc \
                --hash=sha256:def
            django>=4.2
            numpy==1.26.*
            -r base.txt
            -e git+https://github.com/org/repo.git#egg=repo
            pkg @ https://example.com/pkg-1.0.tar.gz
            arbitrary===1.0-custom
            """);

        Assert.Equal(
            [("requests", "2.30.0", 2, true), ("urllib3", "2.0.5", 3, true), ("Flask_SQLAlchemy", "3.0.5", 4, true),
             ("arbitrary", "1.0-custom", 12, true)],
            Summaries(dependencies));
    }

    [Fact]
    public void Poetry_lock_reads_every_package_at_its_name_line()
    {
        var dependencies = Read(new PoetryLockReader(), "poetry.lock", """
            [[package]]
            name = "jinja2"
            version = "3.1.2"
            description = "A very fast and expressive template engine."

            [package.dependencies]
            MarkupSafe = ">=2.0"

            [[package]]
            name = "markupsafe"
            version = "2.1.5"

            [metadata]
            lock-version = "2.0"
            """);

        Assert.Equal([("jinja2", "3.1.2", 2, false), ("markupsafe", "2.1.5", 10, false)], Summaries(dependencies));
    }

    [Fact]
    public void Go_mod_reads_single_and_block_requires_and_marks_indirect_ones()
    {
        var dependencies = Read(new GoModReader(), "go.mod", """
            module example.com/app

            go 1.22

            require github.com/spf13/cobra v1.8.0

            require (
            	golang.org/x/net v0.15.0
            	golang.org/x/text v0.14.0 // indirect
            )

            replace (
            	golang.org/x/net => golang.org/x/net v0.17.0
            )

            exclude golang.org/x/crypto v0.1.0
            """);

        Assert.Equal(
            [("github.com/spf13/cobra", "v1.8.0", 5, true), ("golang.org/x/net", "v0.15.0", 8, true),
             ("golang.org/x/text", "v0.14.0", 9, false)],
            Summaries(dependencies));
    }

    [Fact]
    public void Cargo_lock_reads_registry_crates_and_skips_workspace_and_git_ones()
    {
        var dependencies = Read(new CargoLockReader(), "Cargo.lock", """
            version = 3

            [[package]]
            name = "app"
            version = "0.1.0"

            [[package]]
            name = "smallvec"
            version = "1.6.0"
            source = "registry+https://github.com/rust-lang/crates.io-index"

            [[package]]
            name = "forked"
            version = "1.0.0"
            source = "git+https://github.com/org/forked#0123456789abcdef"

            [[package]]
            name = "time"
            version = "0.1.44"
            source = "sparse+https://index.crates.io/"
            """);

        Assert.Equal([("smallvec", "1.6.0", 8, false), ("time", "0.1.44", 18, false)], Summaries(dependencies));
    }

    [Fact]
    public void Pom_reads_literal_and_property_versions_and_skips_ranges_and_unknown_properties()
    {
        var dependencies = Read(new MavenPomReader(), "pom.xml", """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <groupId>com.example</groupId>
              <artifactId>app</artifactId>
              <version>1.2.0</version>
              <properties>
                <log4j.version>2.14.1</log4j.version>
                <jackson.version>${jackson.base}.1</jackson.version>
                <jackson.base>2.13</jackson.base>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>com.fasterxml.jackson.core</groupId>
                    <artifactId>jackson-databind</artifactId>
                    <version>${jackson.version}</version>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <dependency>
                  <groupId>org.apache.logging.log4j</groupId>
                  <artifactId>log4j-core</artifactId>
                  <version>${log4j.version}</version>
                </dependency>
                <dependency>
                  <groupId>${project.groupId}</groupId>
                  <artifactId>sibling</artifactId>
                  <version>${project.version}</version>
                </dependency>
                <dependency>
                  <groupId>junit</groupId>
                  <artifactId>junit</artifactId>
                  <version>[4.0,5.0)</version>
                </dependency>
                <dependency>
                  <groupId>org.slf4j</groupId>
                  <artifactId>slf4j-api</artifactId>
                  <version>${from.parent}</version>
                </dependency>
                <dependency>
                  <groupId>org.example</groupId>
                  <artifactId>managed</artifactId>
                </dependency>
              </dependencies>
            </project>
            """);

        Assert.Equal(
            [("org.apache.logging.log4j:log4j-core", "2.14.1", 20, true), ("com.example:sibling", "1.2.0", 25, true),
             ("com.fasterxml.jackson.core:jackson-databind", "2.13.1", 12, true)],
            Summaries(dependencies));
    }

    [Theory]
    [InlineData("package.json", "{ \"dependencies\": ")]
    [InlineData("package-lock.json", "{ \"lockfileVersion\": 1, \"dependencies\": {} }")]
    [InlineData("packages.lock.json", "[1, 2]")]
    [InlineData("App.csproj", "<Project><ItemGroup>")]
    [InlineData("pom.xml", "<notaproject/>")]
    [InlineData("pom.xml", "<!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project>&x;</project>")]
    [InlineData("go.mod", "module m\nrequire (\n\tgolang.org/x/net v0.1.0\n")]
    [InlineData("go.mod", "module m\nrequire golang.org/x/net\n")]
    [InlineData("Cargo.lock", "[[package]\nname = \"x\"")]
    [InlineData("poetry.lock", "[[package]]\nname = \"x\"\nname = \"y\"\n")]
    public void A_malformed_manifest_is_a_counted_parse_error_not_a_crash(string path, string text)
    {
        var result = new ManifestScanner().Read(new SourceFile(path, text));

        Assert.Empty(result.Dependencies);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData("src/Api/Api.csproj", true)]
    [InlineData("Directory.Packages.props", true)]
    [InlineData("src/packages.lock.json", true)]
    [InlineData("web/package.json", true)]
    [InlineData("web/npm-shrinkwrap.json", true)]
    [InlineData("requirements.txt", true)]
    [InlineData("requirements-dev.txt", true)]
    [InlineData("poetry.lock", true)]
    [InlineData("go.mod", true)]
    [InlineData("Cargo.lock", true)]
    [InlineData("pom.xml", true)]
    [InlineData("go.sum", false)]
    [InlineData("Cargo.toml", false)]
    [InlineData("README.md", false)]
    [InlineData("requirements.in", false)]
    public void Manifests_are_recognised_by_file_name(string path, bool expected) =>
        Assert.Equal(expected, new ManifestScanner().IsManifest(path));

    private static IReadOnlyList<Dependency> Read(IManifestReader reader, string path, string text)
    {
        Assert.True(reader.CanRead(path));
        var dependencies = reader.Read(new SourceFile(path, text));
        Assert.All(dependencies, d => Assert.Equal(path, d.File));
        return dependencies;
    }

    private static IEnumerable<(string, string, int, bool)> Summaries(IEnumerable<Dependency> dependencies) =>
        dependencies.Select(d => (d.Name, d.Version, d.Line, d.Direct));
}
