namespace RightsDesk.Web.Hosting;

/// <summary>Page numbers from the query string, turned into a row offset that cannot overflow.</summary>
public static class Paging
{
    /// <summary>
    /// The rows to skip for a 1-based page. Computed in 64 bits and capped: (page - 1) * pageSize in 32 bits wraps to a
    /// negative offset for a large page, which PostgreSQL refuses with an error (a 500) and SQLite reads as no offset.
    /// </summary>
    public static int Offset(int page, int pageSize) => (int)Math.Clamp(((long)Math.Max(1, page) - 1) * Math.Max(0, pageSize), 0, int.MaxValue);
}
