using Microsoft.Extensions.Logging;

public class TokenBroker(ILogger<TokenBroker> logger)
{
    public void OnTokenIssued(string accessToken, TokenResponse response, string clientSecret)
    {
        logger.LogInformation("Issued token {Token}", accessToken); // expect: AC0003
        logger.LogDebug($"Refresh token is {response.RefreshToken}"); // expect: AC0003
        Console.WriteLine("Using secret " + clientSecret); // expect: AC0003
        logger.LogWarning("Key {Key} near expiry", response?.ApiKey); // expect: AC0003
    }
}
