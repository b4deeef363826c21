namespace RightsDesk.Web.Hosting;

/// <summary>The answer of GET /health: monitors read <c>status</c>; the policy version tells which rules assess.</summary>
public sealed record HealthView(string Status, string PolicyVersion);
