using System.Diagnostics;
using AgentCompliance.Benchmarks.Reports;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.SystemModels;
using AgentCompliance.Reporting.Json;
using AgentCompliance.Reporting.ThreatModels;
using AgentCompliance.ThreatModel.Evidence;
using AgentCompliance.ThreatModel.Modeling;

// report-bench generate DIR ELEMENTS SCENARIOS  -> writes system-model.json and results.json, prints their sizes
// report-bench render DIR REPS                  -> times read + threat model + JSON/Markdown/HTML written, REPS times in one process
switch (args.FirstOrDefault())
{
    case "generate":
        var (modelPath, resultsPath) = LargeInputGenerator.Write(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        var model = SystemModelLoader.Load(modelPath);
        Console.WriteLine($"elements\t{model.Elements.Count(e => e is not DataFlow)}");
        Console.WriteLine($"flows\t{model.Flows.Count}");
        Console.WriteLine($"results_bytes\t{new FileInfo(resultsPath).Length}");
        return 0;
    case "render":
        var folder = args[1];
        var reps = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        var times = new List<double>();
        var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        long htmlBytes = 0;
        var threats = 0;
        for (var i = 0; i < reps; i++)
        {
            var total = Stopwatch.StartNew();
            var phase = Stopwatch.StartNew();
            void Mark(string name)
            {
                if (!phases.TryGetValue(name, out var list))
                {
                    phases[name] = list = [];
                }

                list.Add(phase.Elapsed.TotalMilliseconds);
                phase.Restart();
            }

            var system = SystemModelLoader.Load(Path.Combine(folder, "system-model.json"));
            Mark("read_model_ms");
            var run = RunResultJson.Read(Path.Combine(folder, "results.json"));
            Mark("read_results_ms");
            var result = new ThreatModelGenerator().Generate(system, ControlStatusIndex.Build(ControlCatalog.BuiltIn, run), run);
            Mark("threat_model_ms");
            var written = new ThreatModelOutputWriter().Write(result, Path.Combine(folder, "out"), "bench");
            Mark("render_and_write_ms");
            total.Stop();
            times.Add(total.Elapsed.TotalMilliseconds);
            htmlBytes = new FileInfo(written.Single(p => p.EndsWith(".html", StringComparison.Ordinal))).Length;
            threats = result.Threats.Count;
        }

        foreach (var (name, values) in phases)
        {
            Console.WriteLine($"{name}\t{Median(values.Skip(values.Count > 1 ? 1 : 0)):F0}");
        }

        Console.WriteLine($"first_ms\t{times[0]:F0}");
        Console.WriteLine($"median_ms\t{Median(times.Skip(1).DefaultIfEmpty(times[0])):F0}");
        Console.WriteLine($"html_bytes\t{htmlBytes}");
        Console.WriteLine($"threats\t{threats}");
        return 0;
    default:
        Console.Error.WriteLine("usage: report-bench generate DIR ELEMENTS SCENARIOS | render DIR REPS");
        return 2;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
