using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace SupportDesk;

/// <summary>Where ticket attachments are kept; the workload's federated identity, not an account key, signs in.</summary>
public sealed class AttachmentStorage(IConfiguration configuration)
{
    public BlobContainerClient Container() =>
        new BlobServiceClient(new Uri(configuration["Attachments:AccountUrl"]!), new WorkloadIdentityCredential())
            .GetBlobContainerClient("attachments");
}
