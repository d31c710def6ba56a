using Azure.Storage;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace SupportDesk;

/// <summary>Where ticket attachments are kept.</summary>
public sealed class AttachmentStorage(IConfiguration configuration)
{
    public BlobContainerClient Container() =>
        new BlobServiceClient(
                new Uri(configuration["Attachments:AccountUrl"]!),
                new StorageSharedKeyCredential(configuration["Attachments:AccountName"], configuration["Attachments:AccountKey"])) // planted: AC0023 static account key
            .GetBlobContainerClient("attachments");
}
