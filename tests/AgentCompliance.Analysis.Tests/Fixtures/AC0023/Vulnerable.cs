using Amazon.Runtime;
using Amazon.S3;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

public class CloudClients(IConfiguration configuration)
{
    public BlobServiceClient Blobs() =>
        new(new Uri("https://agents.blob.core.windows.net"), new StorageSharedKeyCredential("agents", configuration["Storage:Key"])); // expect: AC0023

    public BlobServiceClient BlobsAsApp() =>
        new(new Uri("https://agents.blob.core.windows.net"), new ClientSecretCredential(configuration["Tenant"], configuration["ClientId"], configuration["ClientSecret"])); // expect: AC0023

    public AmazonS3Client Buckets()
    {
        AWSCredentials credentials = new BasicAWSCredentials(configuration["Aws:AccessKeyId"], configuration["Aws:SecretAccessKey"]); // expect: AC0023
        return new AmazonS3Client(credentials);
    }
}
