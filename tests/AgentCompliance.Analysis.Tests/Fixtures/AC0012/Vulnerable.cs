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
        using var command = new SqlCommand($"SELECT COUNT(*) FROM Customers WHERE Name = '{name}'", connection); // expect: AC0012
        return (int)(await command.ExecuteScalarAsync())!;
    }

    [McpServerTool, Description("Lists orders")]
    public async Task<IEnumerable<Order>> Orders(string status, string sortColumn)
    {
        logger.LogInformation("orders {Status}", status);
        var sql = "SELECT * FROM Orders WHERE Status = '" + status + "' ORDER BY " + sortColumn;
        return await connection.QueryAsync<Order>(sql + " DESC"); // expect: AC0012
    }

    [McpServerTool, Description("Counts rows")]
    public int Count(string table)
    {
        logger.LogInformation("count {Table}", table);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + table; // expect: AC0012
        return (int)command.ExecuteScalar()!;
    }

    [McpServerTool, Description("Searches products")]
    public List<Product> Search(string term)
    {
        logger.LogInformation("search {Term}", term);
        return db.Products.FromSqlRaw($"SELECT * FROM Products WHERE Name LIKE '%{term}%'").ToList(); // expect: AC0012
    }
}
