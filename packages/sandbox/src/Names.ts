/** Word pools for deterministic, readable generated names. */

export const firstNames = [
  "Ada", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Liam",
  "Maya", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Victor", "Wen", "Ximena",
  "Yusuf", "Zoe",
] as const;

export const lastNames = [
  "Abbott", "Berg", "Costa", "Dubois", "Eklund", "Fischer", "Garcia", "Hale", "Ivanova", "Jensen",
  "Kowalski", "Lind", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Sato", "Tanaka",
  "Ulrich", "Varga", "Weber", "Xu", "Young", "Zimmer",
] as const;

export const roleNames = [
  "Developer", "Designer", "Project Manager", "QA Engineer", "Consultant", "Data Analyst", "DevOps",
  "Product Owner", "Architect", "Support", "Copywriter", "Researcher", "Account Manager", "Tester",
  "Scrum Master", "Illustrator", "Animator", "Strategist", "Engineer", "Producer",
] as const;

export const companyWords = [
  "Acme", "Blue", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper", "Kestrel",
  "Lumen", "Maple", "Nimbus", "Orbit", "Pine", "Quartz", "River", "Summit", "Tidal", "Umber", "Vertex",
  "Willow", "Zephyr",
] as const;

export const companySuffixes = ["Labs", "Group", "Studio", "Holdings", "Works", "Partners", "Co"] as const;

export const projectWords = [
  "Website", "Mobile App", "Rebrand", "Migration", "Audit", "Campaign", "Platform", "Dashboard", "Retainer",
  "Discovery", "Integration", "Redesign", "Launch", "Support", "Research",
] as const;

export const taskNames = [
  "Design", "Development", "Project Management", "Meetings", "QA", "Research", "Copywriting", "Admin",
  "Travel", "Training", "Support", "Planning",
] as const;

export const notesPool = [
  null, null, null, "Sprint work", "Client call", "Bug fixes", "Review", "Workshop", "Estimates", "Deploy",
] as const;
