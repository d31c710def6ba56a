// Support desk agent host. Deliberately weak sample: each planted weakness is marked "planted: <rule>"; ../fixed is its safe twin.
using Microsoft.SemanticKernel;
using ModelContextProtocol.Server;
using SupportDesk;

var builder = WebApplication.CreateBuilder(args);

var kernelBuilder = Kernel.CreateBuilder();
kernelBuilder.AddOpenAIChatCompletion("gpt-4o", apiKey: "sk-proj-7Hq2Lm9XwR4tZp8Kd3Vn6Yb1Cs5Jf0Ga"); // planted: AC0001 hard-coded API key
kernelBuilder.Plugins.AddFromType<RefundPlugin>();
builder.Services.AddSingleton(kernelBuilder.Build());
builder.Services.AddSingleton<SupportAgent>();

builder.Services.AddMcpServer().WithHttpTransport().WithTools<SupportTools>(); // planted: AC0020 MCP over HTTP without authentication

var app = builder.Build();
app.MapMcp("/mcp"); // planted: AC0020 MCP endpoint without authorization
app.MapPost("/ask", (AskRequest request, SupportAgent agent) => agent.AnswerAsync(request.TicketBody, request.Question));
app.Run();

public sealed record AskRequest(string TicketBody, string Question);
