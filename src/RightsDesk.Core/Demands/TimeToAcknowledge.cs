namespace RightsDesk.Core.Demands;

/// <summary>
/// The time to inform an authority that its demand was received (DSA Art. 15(1)(a) asks for the median): from the
/// demand's receipt to the acknowledgement letter that went, in hours.
/// </summary>
public static class TimeToAcknowledge
{
    /// <summary>Whole hours from receipt to acknowledgement, never negative (a demand typed in late can predate nothing).</summary>
    public static long Hours(DateTimeOffset received, DateTimeOffset acknowledged) =>
        Math.Max(0, (long)Math.Floor((acknowledged - received).TotalHours));

    /// <summary>The median in hours over the acknowledged demands (the mean of the middle two for an even count), or
    /// null when none was acknowledged: a report says "no data", not zero.</summary>
    public static double? MedianHours(IEnumerable<(DateTimeOffset Received, DateTimeOffset Acknowledged)> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var hours = cases.Select(c => Math.Max(0, (c.Acknowledged - c.Received).TotalHours)).Order().ToList();
        if (hours.Count == 0)
        {
            return null;
        }

        var mid = hours.Count / 2;
        return hours.Count % 2 == 1 ? hours[mid] : (hours[mid - 1] + hours[mid]) / 2;
    }
}
