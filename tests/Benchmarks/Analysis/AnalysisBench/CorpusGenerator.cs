using System.Globalization;
using System.Text;

namespace AgentCompliance.Benchmarks.Analysis;

/// <summary>
/// Writes a deterministic corpus of agent code: Semantic Kernel plugins, MCP tools, services and models, with a few
/// weaknesses sprinkled in so rules fire, plus stubs of the SDK types so the corpus compiles cleanly (the comparison
/// with Roslyn's compilation needs full binding, not a pile of unresolved-symbol errors).
/// </summary>
internal static class CorpusGenerator
{
    public static (int Files, int Lines) Write(string directory, int fileCount)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var lines = WriteFile(Path.Combine(directory, "SdkStubs.cs"), Stubs);
        for (var index = 0; index < fileCount - 1; index++)
        {
            var folder = Path.Combine(directory, $"Module{index / 100:000}");
            Directory.CreateDirectory(folder);
            lines += WriteFile(Path.Combine(folder, $"Agent{index:0000}.cs"), AgentFile(index));
        }

        return (fileCount, lines);
    }

    private static int WriteFile(string path, string text)
    {
        File.WriteAllText(path, text);
        return text.Count(character => character == '\n');
    }

    private static string AgentFile(int n)
    {
        var code = new StringBuilder();
        var i = n.ToString(CultureInfo.InvariantCulture);
        code.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.IO;
            using System.Linq;
            using System.Net.Http;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using Microsoft.SemanticKernel;

            namespace Corpus.Module{{n / 100}};

            public sealed record Order{{i}}(int Id, string Customer, decimal Amount, DateTime CreatedAt);

            public sealed class OrderPlugin{{i}}(ILogger logger, HttpClient http, IOrderStore store)
            {
                private const string Root = "/srv/agent-data/";
                private static readonly HashSet<string> AllowedHosts = ["api.example.com", "docs.example.com"];

                [KernelFunction, Description("Gets an order by its id")]
                public async Task<Order{{i}}?> GetOrderAsync(int id, CancellationToken cancellationToken)
                {
                    logger.LogInformation("get order {Id}", id);
                    var row = await store.FindAsync(id, cancellationToken);
                    return row is null ? null : new Order{{i}}(row.Id, row.Customer, row.Amount, row.CreatedAt);
                }

                [KernelFunction, Description("Reads a report file")]
                public string ReadReport(string name)
                {
                    logger.LogInformation("read report {Name}", name);
                    var full = Path.GetFullPath(Path.Combine(Root, name));
                    if (!full.StartsWith(Root, StringComparison.Ordinal))
                    {
                        throw new ArgumentException("outside the report folder", nameof(name));
                    }

                    return File.ReadAllText(full);
                }

                [KernelFunction, Description("Fetches a documentation page")]
                public async Task<string> FetchAsync(string url)
                {
                    logger.LogInformation("fetch requested");
                    if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !AllowedHosts.Contains(uri.Host))
                    {
                        throw new ArgumentException("host not allowed", nameof(url));
                    }

                    return await http.GetStringAsync(uri);
                }

                [KernelFunction, Description("Summarises recent orders for a customer")]
                public async Task<string> SummariseAsync(string customer, int days)
                {
                    logger.LogInformation("summarise {Customer}", customer);
                    var orders = await store.RecentAsync(customer, days, CancellationToken.None);
                    var total = orders.Sum(order => order.Amount);
                    var builder = new StringBuilder();
                    builder.Append("Customer ").Append(customer).Append(" placed ").Append(orders.Count).Append(" orders");
                    builder.Append(" worth ").Append(total.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
                    return builder.ToString();
                }

            """);
        AppendWeakness(code, n);
        code.Append(CultureInfo.InvariantCulture, $$"""
            }

            public sealed class PricingService{{i}}
            {
                private readonly Dictionary<string, decimal> rates = new(StringComparer.Ordinal)
                {
                    ["standard"] = 1.0m,
                    ["express"] = 1.4m,
                    ["overnight"] = 2.1m,
                };

                public decimal Quote(IReadOnlyList<decimal> weights, string service)
                {
                    if (!rates.TryGetValue(service, out var rate))
                    {
                        throw new ArgumentOutOfRangeException(nameof(service), service, "unknown service");
                    }

                    decimal total = 0;
                    for (var index = 0; index < weights.Count; index++)
                    {
                        var weight = weights[index];
                        total += weight <= 1 ? 4.5m : 4.5m + ((weight - 1) * 1.2m);
                    }

                    return Math.Round(total * rate, 2);
                }

                public IEnumerable<(string Service, decimal Price)> Compare(IReadOnlyList<decimal> weights) =>
                    rates.Keys.OrderBy(key => key, StringComparer.Ordinal).Select(key => (key, Quote(weights, key)));

                public static string Describe(decimal price) => price switch
                {
                    < 10 => "cheap",
                    < 50 => "moderate",
                    _ => "expensive",
                };
            }

            public static class OrderMath{{i}}
            {
                public static decimal Average(IEnumerable<Order{{i}}> orders)
                {
                    var list = orders.ToList();
                    return list.Count == 0 ? 0 : list.Average(order => order.Amount);
                }

                public static IReadOnlyDictionary<string, int> CountByCustomer(IEnumerable<Order{{i}}> orders) =>
                    orders.GroupBy(order => order.Customer, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
            }

            """);
        return code.ToString();
    }

    // Every file gets one weakness from a rotating set, so the run exercises the rules, the data flow and the reports.
    private static void AppendWeakness(StringBuilder code, int n)
    {
        var weakness = (n % 6) switch
        {
            0 => """
                    [KernelFunction, Description("Runs a maintenance command")]
                    public string Maintain(string command)
                    {
                        logger.LogInformation("maintenance requested");
                        return System.Diagnostics.Process.Start("/bin/sh", "-c " + command)!.StandardOutput.ReadToEnd();
                    }
                """,
            1 => """
                    [KernelFunction, Description("Reads any file")]
                    public string ReadAny(string path)
                    {
                        logger.LogInformation("read requested");
                        return File.ReadAllText(Path.Combine(Root, path));
                    }
                """,
            2 => """
                    private const string ServiceApiKey = "sk-proj-4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e";

                    public void LogToken(string accessToken) => logger.LogInformation("token {Token}", accessToken);
                """,
            3 => """
                    [KernelFunction, Description("Calls a partner")]
                    public Task<string> PartnerAsync(string host) => http.GetStringAsync($"http://{host}/status");
                """,
            4 => """
                    public static TimeSpan TokenLifetime() => TimeSpan.FromDays(30);

                    public void Configure(TokenOptions options) => options.AccessTokenLifetime = 86400;
                """,
            _ => """
                    public async Task<string> LoopAsync(IChatClient chat, string goal)
                    {
                        while (true)
                        {
                            var response = await chat.GetResponseAsync(goal);
                            if (response.Contains("DONE", StringComparison.Ordinal))
                            {
                                return response;
                            }
                        }
                    }
                """,
        };
        code.AppendLine(weakness);
    }

    private const string Stubs = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Microsoft.SemanticKernel
        {
            [AttributeUsage(AttributeTargets.Method)]
            public sealed class KernelFunctionAttribute : Attribute
            {
                public KernelFunctionAttribute() { }
                public KernelFunctionAttribute(string name) => Name = name;
                public string? Name { get; }
            }

            public interface IOrderStore
            {
                Task<OrderRow?> FindAsync(int id, CancellationToken cancellationToken);
                Task<IReadOnlyList<OrderRow>> RecentAsync(string customer, int days, CancellationToken cancellationToken);
            }

            public sealed record OrderRow(int Id, string Customer, decimal Amount, DateTime CreatedAt);

            public sealed class TokenOptions
            {
                public int AccessTokenLifetime { get; set; }
            }

            public interface IChatClient
            {
                Task<string> GetResponseAsync(string prompt);
            }
        }

        namespace Microsoft.Extensions.Logging
        {
            public interface ILogger
            {
                void Log(string level, string message, params object?[] arguments);
            }

            public static class LoggerExtensions
            {
                public static void LogInformation(this ILogger logger, string message, params object?[] arguments) => logger.Log("information", message, arguments);
            }
        }

        """;
}
