namespace RightsDesk.Application.Common;

/// <summary>A request that clashes with the current state (409), with a message the caller can act on.</summary>
public sealed class ConflictException(string message) : Exception(message);
