namespace RightsDesk.Application.Originals;

/// <summary>
/// What the public pages of the published originals show now: the latest year with a takedown demand and how many
/// originals its public tier holds (null when there is no takedown demand, or no rule table to publish under). The
/// web host answers it from the selection its pages already keep, so the RDR self-assessment, read by anyone, does
/// not unseal a year's demands a request.
/// </summary>
public interface IShownOriginals
{
    Task<(int Year, int Count)?> PublicAsync(CancellationToken ct);
}
