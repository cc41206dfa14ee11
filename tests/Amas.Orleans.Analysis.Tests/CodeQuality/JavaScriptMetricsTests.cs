namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class JavaScriptMetricsTests
{
    private const string Users = """
        'use strict';
        // TODO: migrate to ESM
        const api = require('./api');

        function loadUsers(filter) {
          const url = `/users?active=${filter.active ? 1 : 0}&q=${"}"}`;
          return api.get(url).then((res) => {
            if (!res.ok) {
              throw new Error('failed // not a comment, TODO not a marker');
            }
            return res.body.filter(u => u.age >= 18 && u.active);
          });
        }

        const score = (user) => {
          let s = 0;
          for (const badge of user.badges) {
            switch (badge.kind) {
              case 'gold':
                s += 3;
                break;
              case 'silver':
                s += user.veteran ? 2 : 1;
                break;
              default:
                s += badge.points ?? 0;
            }
          }
          return s;
        };

        const isAdmin = (user) => user.role === 'admin' || user.owner;

        class Store {
          async save(item) {
            while (this.busy) {
              await this.wait();
            }
            const re = /}{2}"/g;
            return re.test(item?.name);
          }
        }
        """;

    [Fact]
    public void JavaScript_declarations_arrows_and_methods_are_functions_but_callbacks_are_not()
    {
        var metrics = Measured.File("web/users.js", Users);

        Assert.Equal(
            [("loadUsers", 5, 13), ("score", 15, 30), ("isAdmin", 32, 32), ("save", 35, 41)],
            metrics.Functions.Select(f => (f.Name, f.StartLine, f.EndLine)));
    }

    [Theory]
    [InlineData("loadUsers", 4, 1)] // ?: inside the template hole, the callback's if and its inner arrow's &&
    [InlineData("score", 6, 2)] // for, two cases (not default), ?:, ??; for > switch
    [InlineData("isAdmin", 2, 0)] // ||
    [InlineData("save", 2, 1)] // while; ?. is not a decision
    public void JavaScript_complexity_and_nesting_are_counted_on_code_only(string name, int complexity, int depth)
    {
        var function = Measured.File("web/users.js", Users).Function(name);

        Assert.Equal(complexity, function.CyclomaticComplexity);
        Assert.Equal(depth, function.NestingDepth);
    }

    [Fact]
    public void JavaScript_strings_templates_and_regexes_hide_comment_markers_and_braces()
    {
        var metrics = Measured.File("web/users.js", Users);

        var marker = Assert.Single(metrics.Markers);
        Assert.Equal((2, "TODO: migrate to ESM"), (marker.Line, marker.Text));
        Assert.Equal((37, 1, 4), (metrics.CodeLines, metrics.CommentLines, metrics.BlankLines));
    }

    [Fact]
    public void TypeScript_function_types_are_not_functions()
    {
        const string source = """
            export function parse(input: string): number | undefined {
              return input.length > 0 ? Number(input) : undefined;
            }
            type Handler = (e: Event) => void;
            interface Props { onClick: (e: Event) => void; }
            export const handle = async (e: Event): Promise<void> => {
              if (e.defaultPrevented) { return; }
            };
            """;

        var metrics = Measured.File("src/parse.ts", source);

        Assert.Equal(
            [("parse", 1, 3, 2, 0), ("handle", 6, 8, 2, 1)],
            metrics.Functions.Select(f => (f.Name, f.StartLine, f.EndLine, f.CyclomaticComplexity, f.NestingDepth)));
    }

    [Fact]
    public void TypeScript_methods_with_generic_return_types_and_constrained_type_parameters_are_functions()
    {
        const string source = """
            export abstract class Repo<T extends { id: string }> {
              constructor(private readonly http: HttpClient) {}

              public async get<U extends T>(id: string): Promise<U | undefined> {
                return this.cache.get(id) as U;
              }

              abstract area(): number;

              static index<V extends { id: string }>(items: V[]): Map<string, V> {
                return new Map(items.map((i) => [i.id, i]));
              }

              protected pairs(): Array<[string, number]> {
                return [];
              }
            }
            """;

        var metrics = Measured.File("src/repo.ts", source);

        Assert.Equal(
            [("constructor", 2, 2), ("get", 4, 6), ("index", 10, 12), ("pairs", 14, 16)],
            metrics.Functions.Select(f => (f.Name, f.StartLine, f.EndLine)));
    }
}
