using Amazon.S3;
using Azure.Identity;
using Azure.Storage.Blobs;

public class CloudClients
{
    // Federated workload identity: the platform issues short-lived tokens bound to this workload.
    public BlobServiceClient Blobs() =>
        new(new Uri("https://agents.blob.core.windows.net"), new WorkloadIdentityCredential());

    public BlobServiceClient BlobsLocally() =>
        new(new Uri("https://agents.blob.core.windows.net"), new DefaultAzureCredential());

    // The SDK's default chain picks up the role of the pod or instance.
    public AmazonS3Client Buckets() => new();
}
