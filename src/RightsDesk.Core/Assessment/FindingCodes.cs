namespace RightsDesk.Core.Assessment;

/// <summary>
/// The stable code of every distinct finding the checks can emit. A code is a contract: letters pick the sentence
/// written for the authority by it (policy/templates/findings/{language}.json), and stored assessments, reports and
/// clients key on it, so a code is never renamed or reused; a changed finding gets a new code.
/// </summary>
public static class FindingCodes
{
    public const string CompletenessComplete = "completeness.complete";
    public const string CompletenessNotWritten = "completeness.notWritten";
    public const string CompletenessEmergencyNotWritten = "completeness.emergencyNotWritten";
    public const string CompletenessMissingLegalBasis = "completeness.missingLegalBasis";
    public const string CompletenessOfficerNotNamed = "completeness.officerNotNamed";
    public const string CompletenessNoReference = "completeness.noReference";
    public const string CompletenessNoReasons = "completeness.noReasons";
    public const string CompletenessNoDateRange = "completeness.noDateRange";
    public const string CompletenessGagWithoutBasis = "completeness.gagWithoutBasis";

    public const string DsaComplete = "dsa.complete";
    public const string DsaMissingReasons = "dsa.missingReasons";
    public const string DsaMissingRedress = "dsa.missingRedress";
    public const string DsaMissingEffectReport = "dsa.missingEffectReport";
    public const string DsaMissingIdentifiers = "dsa.missingIdentifiers";
    public const string DsaMissingTerritorialScope = "dsa.missingTerritorialScope";

    public const string AuthenticityFreeMail = "authenticity.freeMail";
    public const string AuthenticityUnofficialDomain = "authenticity.unofficialDomain";
    public const string AuthenticityNotSigned = "authenticity.notSigned";
    public const string AuthenticityNoLetterhead = "authenticity.noLetterhead";
    public const string AuthenticityVerifiedPortal = "authenticity.verifiedPortal";
    public const string AuthenticityVerifiedOutOfBand = "authenticity.verifiedOutOfBand";
    public const string AuthenticityUnverifiedEmergency = "authenticity.unverifiedEmergency";
    public const string AuthenticityUnverified = "authenticity.unverified";
    public const string AuthenticityPortalAccountVerified = "authenticity.portalAccountVerified";
    public const string AuthenticityPortalAccountUnverified = "authenticity.portalAccountUnverified";
    public const string AuthenticityFlaggedForged = "authenticity.flaggedForged";
    public const string AuthenticityFlaggedAbusive = "authenticity.flaggedAbusive";
    public const string AuthenticityClaimNotRecorded = "authenticity.claimNotRecorded";
    public const string AuthenticityVerifiedCallBack = "authenticity.verifiedCallBack";

    public const string LegalProcessPreservation = "legalProcess.preservation";
    public const string LegalProcessNone = "legalProcess.none";
    public const string LegalProcessSufficient = "legalProcess.sufficient";
    public const string LegalProcessInsufficientForAll = "legalProcess.insufficientForAll";
    public const string LegalProcessInsufficientForSome = "legalProcess.insufficientForSome";
    public const string LegalProcessInformalRestriction = "legalProcess.informalRestriction";
    public const string LegalProcessRestrictionSufficient = "legalProcess.restrictionSufficient";
    public const string LegalProcessRestrictionInsufficient = "legalProcess.restrictionInsufficient";

    public const string JurisdictionDataHeldLocally = "jurisdiction.dataHeldLocally";
    public const string JurisdictionViaMlat = "jurisdiction.viaMlat";
    public const string JurisdictionNoBlockingRule = "jurisdiction.noBlockingRule";
    public const string JurisdictionExecutiveAgreement = "jurisdiction.executiveAgreement";
    public const string JurisdictionDirectAllowed = "jurisdiction.directAllowed";
    public const string JurisdictionRequiresMlat = "jurisdiction.requiresMlat";

    public const string JurisdictionRiskNoProfile = "jurisdictionRisk.noProfile";
    public const string JurisdictionRiskLow = "jurisdictionRisk.low";
    public const string JurisdictionRiskHigh = "jurisdictionRisk.high";
    public const string JurisdictionRiskOperatorSuspension = "jurisdictionRisk.operatorSuspension";
    public const string JurisdictionRiskOperatorChallenge = "jurisdictionRisk.operatorChallenge";
    public const string JurisdictionRiskOperatorEscalation = "jurisdictionRisk.operatorEscalation";

    public const string LegitimateAimNothingNamed = "legitimateAim.nothingNamed";
    public const string LegitimateAimNotListed = "legitimateAim.notListed";
    public const string LegitimateAimExpressionLaw = "legitimateAim.expressionLaw";
    public const string LegitimateAimQuestionableLaw = "legitimateAim.questionableLaw";

    public const string ProportionalityProportionate = "proportionality.proportionate";
    public const string ProportionalityNotIndividualised = "proportionality.notIndividualised";
    public const string ProportionalityPartlyNotIndividualised = "proportionality.partlyNotIndividualised";
    public const string ProportionalityTooManyTargets = "proportionality.tooManyTargets";
    public const string ProportionalityManyTargets = "proportionality.manyTargets";
    public const string ProportionalityDateRangeOverbroad = "proportionality.dateRangeOverbroad";
    public const string ProportionalityDateRangeLong = "proportionality.dateRangeLong";
    public const string ProportionalitySensitiveWithheld = "proportionality.sensitiveWithheld";

    public const string EmergencyNoPath = "emergency.noPath";
    public const string EmergencyHarmNotStated = "emergency.harmNotStated";
    public const string EmergencyHarmStated = "emergency.harmStated";
    public const string EmergencyOutsideScope = "emergency.outsideScope";
    public const string EmergencyFollowUpDue = "emergency.followUpDue";

    public const string TargetRiskNone = "targetRisk.none";
    public const string TargetRiskHighRiskState = "targetRisk.highRiskState";
    public const string TargetRiskAtRisk = "targetRisk.atRisk";

    public const string RestrictionScopeLocal = "restrictionScope.local";
    public const string RestrictionScopeAppliedLocally = "restrictionScope.appliedLocally";
    public const string RestrictionScopeRemoval = "restrictionScope.removal";
    public const string RestrictionScopeSuspension = "restrictionScope.suspension";
    public const string RestrictionScopePoliticalSpeech = "restrictionScope.politicalSpeech";
    public const string RestrictionScopeRabatMet = "restrictionScope.rabatMet";
    public const string RestrictionScopeRabatByCourt = "restrictionScope.rabatByCourt";
    public const string RestrictionScopeRabatMissing = "restrictionScope.rabatMissing";

    public const string NetworkDisruptionContested = "networkDisruption.contested";

    /// <summary>
    /// Findings that never reach an authority, whatever their outcome, and so have no sentence for one: whether a
    /// target is on the at-risk registry (telling a hostile state would single the person out) and the desk's own risk
    /// rating of the requesting state. An operator suspension, a ground for refusal, is stated.
    /// </summary>
    public static readonly IReadOnlySet<string> KeptFromAuthorities = new HashSet<string>(StringComparer.Ordinal)
    {
        TargetRiskNone, TargetRiskHighRiskState, TargetRiskAtRisk,
        JurisdictionRiskNoProfile, JurisdictionRiskLow, JurisdictionRiskHigh, JurisdictionRiskOperatorEscalation,
        AuthenticityFlaggedAbusive,
    };
}
