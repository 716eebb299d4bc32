/** The facts of a plain fixture customer for workbench tests (no branch or manager: each test places it). */
export const fixtureCustomerFacts = {
  idType: 'RESIDENT_ID',
  birthDate: '1980-01-01',
  gender: 'FEMALE',
  residency: 'ONSHORE',
  nationality: 'CN',
  occupation: '教师',
  employerSector: 'EDUCATION',
  personalAnnualIncome: '100000',
  householdAnnualIncome: '200000',
  householdFinancialAssets: '100000',
  incomeThreeYearAverage: '100000',
};
