using Reqnroll.Infrastructure;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// The runtime has no default attachment handler (each unit-test plugin brings one), and without it nothing that
/// injects <c>IReqnrollOutputHelper</c> can be resolved. Attachments already reach the engine as execution events
/// and become evidence there, so there is nothing left to do here.
/// </summary>
internal sealed class EventOnlyAttachmentHandler : IReqnrollAttachmentHandler
{
    public void AddAttachment(string filePath)
    {
        // Intentionally empty: the AttachmentAddedEvent published alongside this call carries the attachment.
    }
}
