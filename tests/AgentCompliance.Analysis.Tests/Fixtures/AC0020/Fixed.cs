using Microsoft.AspNetCore.Authentication.JwtBearer;
using ModelContextProtocol.Server;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options => options.Authority = "https://login.example.com/agents");
builder.Services.AddAuthorization();
builder.Services.AddMcpServer().WithHttpTransport().WithToolsFromAssembly();
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapMcp("/mcp").RequireAuthorization("mcp-tools");
var admin = app.MapMcp("/admin/mcp");
admin.RequireAuthorization("mcp-admin");
app.Run();
