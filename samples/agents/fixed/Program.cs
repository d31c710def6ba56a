// Support desk agent host: the safe twin of ../weak, with each weakness fixed the way its rule's help suggests.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Server;
using SupportDesk;

var builder = WebApplication.CreateBuilder(args);

// The key comes from the deployment's secret store through configuration, never from the code.
var kernelBuilder = Kernel.CreateBuilder();
kernelBuilder.AddOpenAIChatCompletion("gpt-4o", apiKey: builder.Configuration["OpenAI:ApiKey"]!);
kernelBuilder.Plugins.AddFromType<RefundPlugin>();
kernelBuilder.Services.AddSingleton<IAutoFunctionInvocationFilter, RefundApprovalFilter>();
builder.Services.AddSingleton(kernelBuilder.Build());
builder.Services.AddSingleton<SupportAgent>();

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options => options.Authority = builder.Configuration["Identity:Authority"]);
builder.Services.AddAuthorization();
builder.Services.AddMcpServer().WithHttpTransport().WithTools<SupportTools>();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapMcp("/mcp").RequireAuthorization("support-tools");
app.MapPost("/ask", (AskRequest request, SupportAgent agent) => agent.AnswerAsync(request.TicketBody, request.Question)).RequireAuthorization();
app.Run();

public sealed record AskRequest(string TicketBody, string Question);
