using System.Globalization;
using System.Text;
using Amas.Orleans.Testing;

namespace Amas.Orleans.SystemTests;

/// <summary>Repositories to analyse, under one allowed root the silos are started with.</summary>
public static class Workload
{
    /// <summary>
    /// The sample repository plus <paramref name="extraModules"/> generated Python modules. Real agents finish the
    /// bare sample in milliseconds; the extra files keep twenty tasks busy for several seconds, so a silo can be
    /// killed while they run.
    /// </summary>
    public static string Repository(string root, int extraModules)
    {
        var repository = SampleRepository.Create(root);
        var generated = Path.Combine(repository, "src", "generated");
        Directory.CreateDirectory(generated);
        var module = new StringBuilder();
        for (var function = 0; function < 40; function++)
        {
            module.Append(CultureInfo.InvariantCulture,
                $"def function_{function}(a, b):\n    if a > b:\n        for k in range(a):\n            if k % 2:\n                b += k\n    return a + b\n\n");
        }

        for (var i = 0; i < extraModules; i++)
        {
            File.WriteAllText(Path.Combine(generated, string.Create(CultureInfo.InvariantCulture, $"module_{i}.py")), module.ToString());
        }

        return repository;
    }
}
