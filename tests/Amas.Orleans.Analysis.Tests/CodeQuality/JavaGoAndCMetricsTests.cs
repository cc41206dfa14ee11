namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class JavaGoAndCMetricsTests
{
    private const string OrderService = """
        package shop;

        import java.util.*;

        public class OrderService {
            private final Map<String, List<?>> cache = new HashMap<>();

            @Override
            @SuppressWarnings("unchecked")
            public String describe(Order order) throws IOException, IllegalStateException {
                if (order == null) {
                    return "none";
                } else if (order.isEmpty() || order.isCancelled()) {
                    return "empty";
                }
                for (Item item : order.items()) {
                    try {
                        while (item.pending()) {
                            item.advance();
                        }
                    } catch (IllegalStateException e) {
                        log(e);
                    }
                }
                char quote = '"';
                return order.total() > 100 ? "big" : "small";
            }

            OrderService(int size) {
                Runnable r = new Runnable() {
                    public void run() { if (size > 0) { System.out.println('}'); } }
                };
            }
        }
        """;

    private const string Shapes = """
        package main

        import (
        	"fmt"
        	"strings"
        )

        // Shape is drawn.
        type Shape struct{ w, h int }

        func (s *Shape) Area() int {
        	return s.w * s.h
        }

        func classify(words []string) map[string]int {
        	counts := map[string]int{}
        	for _, w := range words {
        		switch {
        		case strings.HasPrefix(w, "{"):
        			counts["brace"]++
        		case len(w) > 3 && w != "long":
        			counts["long"]++
        		default:
        			if v, ok := counts[w]; ok || v > 0 {
        				counts[w] = v + 1
        			}
        		}
        	}
        	helper := func(n int) bool { return n > 0 || n < -10 }
        	fmt.Println(helper(1), `raw {string`)
        	return counts
        }
        """;

    [Fact]
    public void Java_methods_constructors_and_anonymous_class_methods_are_found_past_annotations()
    {
        var metrics = Measured.File("src/OrderService.java", OrderService);

        Assert.Equal(
            [("describe", 10, 27), ("OrderService", 29, 33), ("run", 31, 31)],
            metrics.Functions.Select(f => (f.Name, f.StartLine, f.EndLine)));
        Assert.Equal((30, 0, 4), (metrics.CodeLines, metrics.CommentLines, metrics.BlankLines));
    }

    [Theory]
    [InlineData("describe", 8, 3)] // if, else if, ||, for, while, catch, ?:; for > try > while
    [InlineData("OrderService", 1, 0)] // run's if belongs to run
    [InlineData("run", 2, 1)]
    public void Java_complexity_ignores_wildcards_and_char_literals(string name, int complexity, int depth)
    {
        var function = Measured.File("src/OrderService.java", OrderService).Function(name);

        Assert.Equal(complexity, function.CyclomaticComplexity);
        Assert.Equal(depth, function.NestingDepth);
    }

    [Fact]
    public void Go_funcs_methods_and_named_func_literals_are_found()
    {
        var metrics = Measured.File("cmd/shapes.go", Shapes);

        Assert.Equal(
            [("Shape.Area", 11, 13, 1, 0), ("classify", 15, 32, 7, 3), ("helper", 29, 29, 2, 0)],
            metrics.Functions.Select(f => (f.Name, f.StartLine, f.EndLine, f.CyclomaticComplexity, f.NestingDepth)));
        Assert.Equal((27, 1, 4), (metrics.CodeLines, metrics.CommentLines, metrics.BlankLines));
    }

    [Fact]
    public void C_functions_with_Allman_braces_are_found_and_braceless_ifs_do_not_nest()
    {
        const string source = """
            #include <stdio.h>

            static int max(int a, int b)
            {
                return a > b ? a : b;
            }

            int main(void) {
                for (int i = 0; i < 3; i++) {
                    if (i % 2 == 0) printf("%d\n", max(i, 1));
                }
                return 0;
            }
            """;

        var metrics = Measured.File("main.c", source);

        Assert.Equal(
            [("max", 3, 6, 2, 0), ("main", 8, 13, 3, 1)],
            metrics.Functions.Select(f => (f.Name, f.StartLine, f.EndLine, f.CyclomaticComplexity, f.NestingDepth)));
    }

    [Fact]
    public void Java_generic_methods_interface_defaults_and_enum_constant_bodies_are_found()
    {
        const string source = """
            public interface Shape {
                double area();

                default String describe(String prefix) {
                    return prefix + area();
                }

                static <T extends Comparable<T>> T max(List<? extends T> items) {
                    T best = null;
                    for (T item : items) {
                        if (best == null || item.compareTo(best) > 0) { best = item; }
                    }
                    return best;
                }
            }

            enum Op {
                ADD {
                    @Override int apply(int a, int b) { return a + b; }
                };

                abstract int apply(int a, int b);
            }
            """;

        var metrics = Measured.File("src/Shape.java", source);

        Assert.Equal(
            [("describe", 4, 6, 1, 0), ("max", 8, 14, 4, 2), ("apply", 19, 19, 1, 0)],
            metrics.Functions.Select(f => (f.Name, f.StartLine, f.EndLine, f.CyclomaticComplexity, f.NestingDepth)));
    }

    [Fact]
    public void Go_generic_functions_and_methods_of_generic_types_are_named_by_their_receiver_type()
    {
        const string source = """
            package stack

            type Stack[T any] struct{ items []T }

            func Map[T, U any](xs []T, f func(T) U) []U {
            	out := make([]U, 0, len(xs))
            	for _, x := range xs {
            		out = append(out, f(x))
            	}
            	return out
            }

            func (s *Stack[T]) Push(v T) {
            	s.items = append(s.items, v)
            }

            func (Stack[T]) Len() int {
            	return 0
            }
            """;

        var metrics = Measured.File("stack/stack.go", source);

        Assert.Equal(
            [("Map", 5, 11), ("Stack.Push", 13, 15), ("Stack.Len", 17, 19)],
            metrics.Functions.Select(f => (f.Name, f.StartLine, f.EndLine)));
    }
}
