using ModelContextProtocol.Server;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMcpServer().WithHttpTransport().WithToolsFromAssembly(); // expect: AC0020
var app = builder.Build();
app.MapMcp("/mcp"); // expect: AC0020
app.Run();
