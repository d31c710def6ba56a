using Microsoft.Extensions.Logging;

public class TokenBroker(ILogger<TokenBroker> logger)
{
    public void OnTokenIssued(string accessToken, TokenResponse response, string clientSecret)
    {
        logger.LogInformation("Issued token of {Length} characters expiring {Expiry}", accessToken.Length, response.ExpiresOn);
        logger.LogDebug("Token type {Type} for key id {KeyId}", response.TokenType, response.KeyId);
        Console.WriteLine("Secret configured: " + (clientSecret.Length > 0));
    }
}
