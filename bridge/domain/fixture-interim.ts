/**
 * Secure Score improvement actions of the emulated Microsoft 365 tenant: control profiles shaped
 * like Microsoft Graph's secureScoreControlProfile (id, title, controlCategory, maxScore,
 * implementationCost, userImpact, threats, actionUrl, service), with the values the security center
 * shows for them.
 *
 *   IMPROVEMENT_ACTIONS               every profile, in the order the actions page lists them
 *   findAction(id) → profile | undefined
 *   actionUrl(id)                     https://security.microsoft.com/securescore?viewid=actions&actionId=<id>
 */

export type ControlCategory = 'Identity' | 'Data' | 'Device' | 'Apps' | 'Infrastructure'
export type Rank = 'Low' | 'Moderate' | 'High'

export interface ControlProfile {
    id: string
    title: string
    /** What the remediation does, as the action's "Implementation" text. */
    description: string
    category: ControlCategory
    service: string
    maxScore: number
    implementationCost: Rank
    userImpact: Rank
    threats: string[]
    actionUrl: string
}

export function actionUrl(id: string): string {
    return 'https://security.microsoft.com/securescore?viewid=actions&actionId=' + encodeURIComponent(id)
}

type Profile = Omit<ControlProfile, 'actionUrl'>

const PROFILES: Profile[] = [
    {
        id: 'AdminMFAV2',
        title: 'Ensure multifactor authentication is enabled for all users in administrative roles',
        description:
            'Require multifactor authentication (MFA) for every account that holds an Azure AD administrative role, with a Conditional Access policy targeting directory roles.',
        category: 'Identity',
        service: 'Azure Active Directory',
        maxScore: 10,
        implementationCost: 'Low',
        userImpact: 'Low',
        threats: ['Account Breach', 'Elevation of Privilege', 'Password Cracking', 'Password Spray'],
    },
    {
        id: 'MFARegistrationV2',
        title: 'Ensure all users can complete multifactor authentication',
        description:
            'Have every user register for multifactor authentication, so that MFA can be required when risk is detected or a policy demands it.',
        category: 'Identity',
        service: 'Azure Active Directory',
        maxScore: 9,
        implementationCost: 'Moderate',
        userImpact: 'Moderate',
        threats: ['Account Breach', 'Password Cracking', 'Password Spray', 'Phishing'],
    },
    {
        id: 'BlockLegacyAuthentication',
        title: 'Enable Conditional Access policies to block legacy authentication',
        description:
            'Block Exchange ActiveSync, IMAP, POP, SMTP AUTH and other legacy protocols that cannot enforce MFA, with a Conditional Access policy for all users.',
        category: 'Identity',
        service: 'Azure Active Directory',
        maxScore: 8,
        implementationCost: 'Moderate',
        userImpact: 'Moderate',
        threats: ['Password Spray', 'Password Cracking', 'Account Breach'],
    },
    {
        id: 'SelfServicePasswordReset',
        title: 'Enable self-service password reset',
        description:
            'Let users reset their own passwords after proving their identity with registered methods, which reduces help-desk resets and weak temporary passwords.',
        category: 'Identity',
        service: 'Azure Active Directory',
        maxScore: 1,
        implementationCost: 'Low',
        userImpact: 'Moderate',
        threats: ['Account Breach'],
    },
    {
        id: 'OneAdmin',
        title: 'Designate more than one global admin',
        description:
            'Have at least two, and fewer than five, global administrators so that one compromised or unavailable admin does not leave the tenant unmanaged.',
        category: 'Identity',
        service: 'Azure Active Directory',
        maxScore: 1,
        implementationCost: 'Low',
        userImpact: 'Low',
        threats: ['Account Breach', 'Elevation of Privilege'],
    },
    {
        id: 'PWAgePolicyNew',
        title: "Set the 'Password expiration policy' to 'Set passwords to never expire (recommended)'",
        description:
            'Stop forcing periodic password changes, which lead to predictable passwords; rely on MFA and banned-password lists instead.',
        category: 'Identity',
        service: 'Microsoft 365 admin center',
        maxScore: 8,
        implementationCost: 'Low',
        userImpact: 'Moderate',
        threats: ['Password Cracking', 'Password Spray'],
    },
    {
        id: 'IntegratedApps',
        title: 'Do not allow users to grant consent to unreliable applications',
        description:
            'Turn off user consent to applications (or allow it only for verified publishers and low-risk permissions), so that illicit consent grants cannot reach mail and files.',
        category: 'Identity',
        service: 'Azure Active Directory',
        maxScore: 4,
        implementationCost: 'Moderate',
        userImpact: 'Moderate',
        threats: ['Data Exfiltration', 'Phishing', 'Elevation of Privilege'],
    },
    {
        id: 'UserRiskPolicy',
        title: 'Turn on user risk policy',
        description:
            'Require a secure password change when Identity Protection rates a user at high risk (leaked credentials, anomalous activity).',
        category: 'Identity',
        service: 'Azure Active Directory',
        maxScore: 7,
        implementationCost: 'Moderate',
        userImpact: 'Moderate',
        threats: ['Account Breach', 'Password Cracking', 'Password Spray'],
    },
    {
        id: 'SigninRiskPolicy',
        title: 'Turn on sign-in risk policy',
        description:
            'Require multifactor authentication for sign-ins that Identity Protection rates at medium or high risk (unfamiliar location, anonymous IP, atypical travel).',
        category: 'Identity',
        service: 'Azure Active Directory',
        maxScore: 7,
        implementationCost: 'Moderate',
        userImpact: 'Moderate',
        threats: ['Account Breach', 'Password Spray', 'Phishing'],
    },
    {
        id: 'aad_admin_consent_workflow',
        title: 'Ensure the admin consent workflow is enabled',
        description:
            'Let users request admin review of an application they cannot consent to, so that required apps are approved through a controlled process.',
        category: 'Apps',
        service: 'Azure Active Directory',
        maxScore: 1,
        implementationCost: 'Low',
        userImpact: 'Low',
        threats: ['Data Exfiltration', 'Elevation of Privilege'],
    },
    {
        id: 'mdo_safelinksforOfficeApps',
        title: 'Ensure Safe Links for Office Applications is enabled',
        description:
            'Turn on Safe Links for Microsoft 365 apps so that URLs in Word, Excel, PowerPoint and Teams are checked at the time of click.',
        category: 'Apps',
        service: 'Microsoft Defender for Office 365',
        maxScore: 9,
        implementationCost: 'Low',
        userImpact: 'Low',
        threats: ['Phishing', 'Malware'],
    },
    {
        id: 'mdo_atpprotection',
        title: 'Ensure that Defender for Office 365 for SharePoint, OneDrive, and Microsoft Teams is enabled',
        description:
            'Turn on Safe Attachments for SharePoint, OneDrive and Microsoft Teams so that malicious files are detected and blocked from being opened.',
        category: 'Apps',
        service: 'Microsoft Defender for Office 365',
        maxScore: 8,
        implementationCost: 'Low',
        userImpact: 'Low',
        threats: ['Malware', 'Data Exfiltration'],
    },
    {
        id: 'mdo_safeattachmentpolicy',
        title: 'Ensure that a Safe Attachments policy is enabled for mail',
        description:
            'Create a Safe Attachments policy that detonates mail attachments in a sandbox and blocks malicious ones before delivery.',
        category: 'Apps',
        service: 'Microsoft Defender for Office 365',
        maxScore: 8,
        implementationCost: 'Moderate',
        userImpact: 'Low',
        threats: ['Malware', 'Phishing'],
    },
    {
        id: 'mip_autosensitivitylabelspolicies',
        title: 'Apply sensitivity labels automatically to sensitive information',
        description:
            'Publish auto-labeling policies that find sensitive information types (credit card numbers, national IDs) and apply sensitivity labels with protection.',
        category: 'Data',
        service: 'Microsoft Purview Information Protection',
        maxScore: 6,
        implementationCost: 'High',
        userImpact: 'Moderate',
        threats: ['Data Exfiltration', 'Data Spillage'],
    },
    {
        id: 'mip_DLP_policies',
        title: 'Create Data Loss Prevention (DLP) policies',
        description:
            'Create DLP policies for Exchange, SharePoint, OneDrive and Teams that detect and block the sharing of sensitive information outside the organization.',
        category: 'Data',
        service: 'Microsoft Purview Data Loss Prevention',
        maxScore: 10,
        implementationCost: 'Moderate',
        userImpact: 'Moderate',
        threats: ['Data Exfiltration', 'Data Spillage'],
    },
    {
        id: 'scid_2000',
        title: 'Turn on Microsoft Defender Antivirus real-time protection',
        description:
            'Enable real-time protection in Microsoft Defender Antivirus on every onboarded device, through Intune or Group Policy.',
        category: 'Device',
        service: 'Microsoft Defender for Endpoint',
        maxScore: 10,
        implementationCost: 'Low',
        userImpact: 'Low',
        threats: ['Malware', 'Ransomware'],
    },
    {
        id: 'scid_2010',
        title: 'Turn on Microsoft Defender Antivirus cloud-delivered protection',
        description:
            'Enable cloud-delivered protection (MAPS) so that new and emerging threats are blocked within seconds of first sight.',
        category: 'Device',
        service: 'Microsoft Defender for Endpoint',
        maxScore: 9,
        implementationCost: 'Low',
        userImpact: 'Low',
        threats: ['Malware', 'Ransomware', 'Zero-day exploit'],
    },
    {
        id: 'scid_91',
        title: 'Block abuse of exploited vulnerable signed drivers',
        description:
            'Turn on the attack surface reduction rule that blocks applications from writing vulnerable signed drivers to disk.',
        category: 'Device',
        service: 'Microsoft Defender for Endpoint',
        maxScore: 9,
        implementationCost: 'Moderate',
        userImpact: 'Low',
        threats: ['Elevation of Privilege', 'Malware'],
    },
    {
        id: 'scid_5095',
        title: 'Enable Network Protection',
        description:
            'Turn on Network Protection in block mode so that devices cannot reach phishing, scam and malware-hosting domains.',
        category: 'Infrastructure',
        service: 'Microsoft Defender for Endpoint',
        maxScore: 8,
        implementationCost: 'Moderate',
        userImpact: 'Low',
        threats: ['Phishing', 'Malware', 'Command and Control'],
    },
    {
        id: 'azure_storage_secure_transfer',
        title: 'Secure transfer to storage accounts should be enabled',
        description:
            'Require HTTPS for every request to the subscription\'s storage accounts and refuse unencrypted connections.',
        category: 'Infrastructure',
        service: 'Microsoft Defender for Cloud',
        maxScore: 5,
        implementationCost: 'Low',
        userImpact: 'Low',
        threats: ['Data Exfiltration', 'Data Spillage'],
    },
]

export const IMPROVEMENT_ACTIONS: readonly ControlProfile[] = Object.freeze(
    PROFILES.map((profile) => Object.freeze({ ...profile, threats: [...profile.threats], actionUrl: actionUrl(profile.id) })),
)

export function findAction(id: string): ControlProfile | undefined {
    return IMPROVEMENT_ACTIONS.find((action) => action.id === id)
}
