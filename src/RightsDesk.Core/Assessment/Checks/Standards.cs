namespace RightsDesk.Core.Assessment.Checks;

/// <summary>The names of the standards findings rest on, spelled one way everywhere.</summary>
internal static class Standards
{
    public const string Gni = "GNI Implementation Guidelines";
    public const string GniPrinciples = "GNI Principles on Freedom of Expression and Privacy";
    public const string Iccpr17 = "ICCPR Art. 17";
    public const string Iccpr19 = "ICCPR Art. 19(3); UN Human Rights Committee General Comment 34";
    public const string RdrP10 = "RDR P10a.6";
    public const string RdrF5 = "RDR F5a.6";
    public const string Dsa9 = "DSA Art. 9(2)";
    public const string Dsa10 = "DSA Art. 10(2)";
    public const string Manila = "Manila Principles on Intermediary Liability";
    public const string Rabat = "Rabat Plan of Action";
    public const string SantaClara = "Santa Clara Principles 2.0";
    public const string HrdRecommendations = "US-EU Recommended Actions for Online Platforms on Protecting Human Rights Defenders Online (2024)";
    public const string Ungp = "UN Guiding Principles on Business and Human Rights, Principle 23";
    public const string Shutdowns = "UN Human Rights Council Resolution 47/16; GNI Principles";
    public const string FakeEdr = "FBI PIN 2024-11-04 on fraudulent emergency data requests";
    public const string PortalVerification = "FBI PIN 2024-11-04 mitigations (verify the sender out of band, two-factor accounts); Google LERS and Meta LEORS verified-official portals";
    public const string OperatorPolicy = "Operator policy";
}
