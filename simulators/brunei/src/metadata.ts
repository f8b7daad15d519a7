import { COURSE_PROPERTIES, VACANCY_PROPERTIES } from './store.js';
import type { Properties } from './odata.js';

/** `$metadata`: the service's CSDL (EDMX 1.0, OData v2), written from the properties `$filter` knows. */
export function metadataDocument(): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">',
    '<edmx:DataServices m:DataServiceVersion="2.0"><Schema Namespace="JobCentre" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">',
    entityType('Vacancy', 'VacancyId', VACANCY_PROPERTIES, '<NavigationProperty Name="Skills" Relationship="JobCentre.Vacancy_Skills" FromRole="Vacancy" ToRole="Skill"/>'),
    entityType('Skill', 'SkillName', { SkillName: { type: 'Edm.String', get: () => null }, EscoUri: { type: 'Edm.String', get: () => null } }),
    entityType('TrainingCourse', 'CourseId', COURSE_PROPERTIES),
    '<Association Name="Vacancy_Skills"><End Type="JobCentre.Vacancy" Role="Vacancy" Multiplicity="1"/><End Type="JobCentre.Skill" Role="Skill" Multiplicity="*"/></Association>',
    '<EntityContainer Name="JobCentreService" m:IsDefaultEntityContainer="true">',
    '<EntitySet Name="Vacancies" EntityType="JobCentre.Vacancy"/><EntitySet Name="VacancyChanges" EntityType="JobCentre.Vacancy"/><EntitySet Name="TrainingCourses" EntityType="JobCentre.TrainingCourse"/>',
    '</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>',
  ].join('');
}

function entityType<T>(name: string, key: string, properties: Properties<T>, extra = ''): string {
  const props = Object.entries(properties).map(([p, { type }]) => `<Property Name="${p}" Type="${type}" Nullable="${p === key ? 'false' : 'true'}"/>`);
  return `<EntityType Name="${name}"><Key><PropertyRef Name="${key}"/></Key>${props.join('')}${extra}</EntityType>`;
}
