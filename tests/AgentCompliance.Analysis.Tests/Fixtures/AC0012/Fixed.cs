using System.ComponentModel;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

[McpServerToolType]
public class CustomerTools(SqlConnection connection, ShopContext db, ILogger<CustomerTools> logger)
{
    [McpServerTool, Description("Finds customers by name")]
    public async Task<int> Find(string name)
    {
        logger.LogInformation("find {Name}", name);
        using var command = new SqlCommand("SELECT COUNT(*) FROM Customers WHERE Name = @name", connection);
        command.Parameters.AddWithValue("@name", name);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    [McpServerTool, Description("Lists orders")]
    public async Task<IEnumerable<Order>> Orders(string status)
    {
        logger.LogInformation("orders {Status}", status);
        return await connection.QueryAsync<Order>("SELECT * FROM Orders WHERE Status = @status", new { status });
    }

    [McpServerTool, Description("Searches products")]
    public List<Product> Search(string term)
    {
        logger.LogInformation("search {Term}", term);
        return db.Products.FromSql($"SELECT * FROM Products WHERE Name LIKE {"%" + term + "%"}").ToList();
    }

    [McpServerTool, Description("Gets an order")]
    public Order Get(int id)
    {
        logger.LogInformation("get {Id}", id);
        return connection.QuerySingle<Order>($"SELECT * FROM Orders WHERE Id = {id}");
    }
}
